export { invitations, passwordResets } from "./schema";
export {
  acceptInvitation,
  canInvite,
  countPendingInvitations,
  getInvitation,
  invitePendingOfSchool,
  invitePerson,
  isResetTokenValid,
  requestPasswordReset,
  resetPassword,
  SIGN_IN_LIMITS,
  signIn,
} from "./service";
