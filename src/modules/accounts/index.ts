export {
  SIGN_IN_LIMITS,
  acceptInvitation,
  canInvite,
  getInvitation,
  invitePerson,
  isResetTokenValid,
  requestPasswordReset,
  resetPassword,
  signIn,
} from "./service";
