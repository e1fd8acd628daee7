// The accounts module's public face: sign-in, password reset, invitations, changes of the sign-in
// address.
import "./personal-data";

export {
  cancelEmailChange,
  confirmEmailChange,
  confirmProposalSignedIn,
  emailLinkJustUsed,
  getEmailChangeByToken,
  getEmailChangePage,
  getEmailUndoByToken,
  proposeEmailChange,
  requestOwnEmailChange,
  startAccountRecovery,
  undoEmailChange,
} from "./email-change";
export {
  acceptInvitation,
  canInvite,
  countPendingInvitations,
  getInvitation,
  invitePendingOfSchool,
  invitePerson,
  isResetTokenValid,
  KNOWN_DEVICE_TTL_MS,
  requestPasswordReset,
  resetPassword,
  SIGN_IN_LIMITS,
  signIn,
} from "./service";
