import type { accounts as source } from "../es-CL/accounts";

// English. Every key of the Spanish area is required (see src/messages/catalogue.test.ts).
export const accounts: Record<keyof typeof source, string> = {
  "accounts.email.change_link": "Change my sign-in email",
  "accounts.email.propose_link": "Propose another email",
  "accounts.email.title": "Sign-in email",
  "accounts.email.title_self": "My sign-in email",
  "accounts.email.title_other": "Sign-in email of {name}",
  "accounts.email.current": "Current email: {email}",
  "accounts.email.pending_title": "Pending change",
  "accounts.email.pending.self_self":
    "We sent a link to {email}. Your email changes when you open it and confirm (valid until {date}).",
  "accounts.email.pending.self":
    "The person asked to change their email to {email} and has not confirmed yet (until {date}).",
  "accounts.email.pending.proposal_self":
    "{by} proposes that you sign in with {email}. Your email changes only if you confirm (until {date}).",
  "accounts.email.pending.proposal":
    "{by} proposed the email {email}. The person must confirm it (until {date}).",
  "accounts.email.pending.recovery_self":
    "{by} started an access recovery to {email} (until {date}). If you did not ask for it, cancel it.",
  "accounts.email.pending.recovery":
    "{by} started an access recovery to {email}. It completes when the person sets a password from that email (until {date}).",
  "accounts.email.confirm_proposal": "Confirm the change",
  "accounts.email.decline": "Decline",
  "accounts.email.cancel": "Cancel the change",
  "accounts.email.own_title": "Change my email",
  "accounts.email.own_intro":
    "We will send a link to the new address; your email changes when you open it and confirm. We will notify your current address, from which you can undo the change for 7 days.",
  "accounts.email.new": "New email",
  "accounts.email.password": "Your current password",
  "accounts.email.send_link": "Send confirmation link",
  "accounts.email.propose_title": "Propose another email",
  "accounts.email.propose_intro":
    "{name} already has an account, so you can only propose the change: we will send a link to their current email and they will also see it when signing in. Until they confirm, they keep signing in with their current email.",
  "accounts.email.proposed": "Proposed email",
  "accounts.email.send_proposal": "Send the proposal",
  "accounts.email.recover_title": "Access recovery (administration)",
  "accounts.email.recover_intro":
    "Only for someone who lost access to their current email, after checking their identity another way (for example, a video call showing their ID card). We will send the new address a link to set a password; using it changes the email and ends their sessions. The old address is notified and can cancel or undo the recovery for 7 days. Everything is recorded in the audit log.",
  "accounts.email.reason": "How you checked the person's identity",
  "accounts.email.reason_hint": "It will be kept in the audit log. At least 20 characters.",
  "accounts.email.verified": "I checked the person's identity by a means other than email.",
  "accounts.email.start_recovery": "Start the recovery",
  "accounts.email.sent_own":
    "We sent a confirmation link to the new email. Your email does not change until you open it.",
  "accounts.email.sent_proposal":
    "We sent the proposal to the person's current email. The email changes only when they confirm it.",
  "accounts.email.sent_recovery": "We sent the recovery link to the new email and a notice to the old one.",
  "accounts.email.cancelled": "The email change was cancelled.",
  "accounts.email.changed": "The sign-in email changed. We sent a notice to both addresses.",
  "accounts.email.confirm_title": "Confirm the email change",
  "accounts.email.link_invalid": "This link is not valid, was already used or has expired.",
  "accounts.email.confirm_intro.self":
    "{name}, once you confirm you will sign in to Impulso with {new} instead of {old}.",
  "accounts.email.confirm_intro.proposal":
    "{name}, it was proposed that you sign in to Impulso with {new} instead of {old}. Confirm only if that address is yours.",
  "accounts.email.confirm_intro.recovery":
    "{name}, set a password to recover your access. From now on you will sign in with {new} instead of {old}.",
  "accounts.email.confirm_submit": "Confirm",
  "accounts.email.undo_title": "Undo the email change",
  "accounts.email.undone":
    "Done. Your old email is your sign-in email again, we ended every session and sent you a link to set a new password.",
  "accounts.email.undo_intro":
    "{name}, the sign-in email of your account changed from {old} to {new}. If it was not you, undo it: you will sign in with {old} again, we will end every session and send you a link to set a new password.",
  "accounts.email.undo_recovery_intro":
    "{name}, an access recovery of your account to {new} was started. If you did not ask for it, cancel it: you will keep signing in with {old}.",
  "accounts.email.undo_submit": "Undo the change",
  "accounts.email.cancel_recovery": "Cancel the recovery",
  "accounts.email.reason_too_short": "Describe in at least 20 characters how you checked their identity.",
  "accounts.email.verified_required": "Tick this box to confirm you checked their identity.",
  "accounts.email.same_address": "That is the email already on the account.",
  "accounts.email.wrong_password": "The password is not correct.",
  "accounts.email.nothing_pending": "There is no pending email change.",
  "accounts.email.address_taken_meanwhile":
    "Meanwhile someone else in the organization started using that address. Ask for a new change.",
  "email.address_confirm.subject": "Confirm your new Impulso email",
  "email.address_confirm.body":
    "You asked to sign in to Impulso with this address ({new}) instead of {old}.\n\nTo confirm, open this link (valid for 24 hours):\n{link}\n\nIf it was not you, ignore this email: nothing changes.",
  "email.address_proposal.subject": "A change of your Impulso email was proposed",
  "email.address_proposal.body":
    "{proposer} proposes that you sign in to Impulso with {new} instead of this address ({old}).\n\nIf you agree, confirm it at this link (valid for 24 hours) or when you sign in to Impulso:\n{link}\n\nIf not, ignore this email: nothing changes.",
  "email.recovery_new.subject": "Recover your access to Impulso",
  "email.recovery_new.body":
    "{admin} started the recovery of your Impulso account: from now on you will sign in with this address ({new}) instead of {old}.\n\nTo set your password and complete the recovery, open this link (valid for 24 hours):\n{link}",
  "email.recovery_old.subject": "A recovery of your Impulso account was started",
  "email.recovery_old.body":
    "{admin} started an access recovery of your Impulso account to {new}. Once it completes, you will no longer sign in with this address ({old}).\n\nIf it was not you, cancel or undo it at this link (valid for 7 days):\n{link}",
  "email.address_changed_old.subject": "Your Impulso email changed",
  "email.address_changed_old.body":
    "The email you sign in to Impulso with changed from this address ({old}) to {new}.\n\nIf it was not you, undo the change at this link (valid for 7 days): you will recover your account and we will end every session.\n{link}",
  "email.address_changed_new.subject": "You now sign in to Impulso with this email",
  "email.address_changed_new.body":
    "From now on you sign in to Impulso with this address ({new}) instead of {old}.",
};
