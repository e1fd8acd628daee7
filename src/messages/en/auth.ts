import type { auth as source } from "../es-CL/auth";

// English. Every key of the Spanish area is required (see src/messages/catalogue.test.ts).
export const auth: Record<keyof typeof source, string> = {
  "auth.sign_in.title": "Sign in to Impulso",
  "auth.sign_in.email": "Email",
  "auth.sign_in.password": "Password",
  "auth.sign_in.submit": "Sign in",
  "auth.sign_in.failed": "The email or password is incorrect.",
  "auth.sign_in.forgot": "Forgot your password?",
  "auth.signed_out": "You have signed out.",
  "auth.forgot.title": "Reset your password",
  "auth.forgot.intro": "Enter your email and we will send you a link to create a new password.",
  "auth.forgot.submit": "Send link",
  "auth.forgot.sent":
    "If the email belongs to an Impulso account, we have sent a link to create a new password. Check your inbox (and your spam folder). The link is valid for 1 hour.",
  "auth.reset.title": "Create a new password",
  "auth.reset.submit": "Save password",
  "auth.reset.invalid": "This link is not valid or has expired. Request a new one.",
  "auth.reset.done": "Your password has been changed. You can now sign in.",
  "auth.password.new": "New password",
  "auth.password.confirm": "Repeat the password",
  "auth.password.hint":
    "At least {min} characters. A phrase of several words is easy to remember and hard to guess.",
  "auth.password.too_short": "The password must be at least {min} characters long.",
  "auth.password.too_long": "The password is too long.",
  "auth.password.mismatch": "The passwords do not match.",
  "auth.invitation.title": "Welcome to Impulso",
  "auth.invitation.intro": "{name}, create a password to activate your account ({email}).",
  "auth.invitation.submit": "Activate my account",
  "auth.invitation.invalid":
    "This invitation is not valid, has already been used or has expired. Ask the person who invited you for a new one.",
  "auth.session_expired": "Your session has ended. Please sign in again.",
  "email.greeting": "Hello {name},",
  "email.signature": "The Impulso team",
  "email.invitation.subject": "You have been invited to Impulso",
  "email.invitation.body":
    "{inviter} has invited you to Impulso as {role} at {place}.\n\nTo activate your account and create your password, open this link (valid for 7 days):\n{link}\n\nIf you were not expecting this invitation, you can ignore this email.",
  "email.reset.subject": "Create a new password for Impulso",
  "email.reset.body":
    "We received a request to change the password of your Impulso account.\n\nTo create a new password, open this link (valid for 1 hour):\n{link}\n\nIf you did not request this, ignore this email: your password stays the same.",
};
