// Registers every job handler of the platform and the modules, for the worker in the app process.
import "./platform/mail/mail";
import "./modules/people/roster-import-job";
import "./modules/accounts/service";
