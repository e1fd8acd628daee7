// The privacy module's public face: personal data rights under Ley 21.719 (download my data,
// deletion requests handled by coordinators).
import "./policy";
import "./personal-data";

export { exportPersonalData, type PersonalDataArchive } from "./export";
export {
  ANONYMIZED_FAMILY_NAMES,
  ANONYMIZED_GIVEN_NAMES,
  ANSWER_DAYS,
  anonymizedEmail,
  deletionRequestPage,
  FORGET_EMAIL_JOB,
  forgetNoticeEmail,
  getPrivacyRequest,
  handlePrivacyRequest,
  listPrivacyRequests,
  mayHandlePrivacyRequests,
  type PrivacyDecision,
  REASON_MAX,
  requestDeletion,
} from "./requests";
export type { PrivacyRequestStatus } from "./schema";
