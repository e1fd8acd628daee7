// What discussion pages show in the browser too (the follow choices): plain values, no database code.
/** An email for each post, a daily digest (the default), or nothing. */
export const FOLLOW_MODES = ["post", "digest", "none"] as const;
export type FollowMode = (typeof FOLLOW_MODES)[number];
