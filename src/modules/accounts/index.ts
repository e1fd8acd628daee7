export {
  SIGN_IN_LIMITS,
  acceptInvitation,
  canInvite,
  getInvitation,
  countPendingInvitations,
  invitePendingOfSchool,
  invitePerson,
  isResetTokenValid,
  requestPasswordReset,
  resetPassword,
  signIn,
} from "./service";
