export const schools = {} as const;
