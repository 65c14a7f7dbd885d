/** Links in account mail, absolute, on PUBLIC_URL (config.publicUrl has no trailing slash). */
export const accountLinks = {
  resetPassword: (publicUrl: string, token: string) =>
    `${publicUrl}/reset-password?token=${encodeURIComponent(token)}`,
  forgotPassword: (publicUrl: string) => `${publicUrl}/forgot-password`,
  verifyEmail: (publicUrl: string, token: string) =>
    `${publicUrl}/verify-email?token=${encodeURIComponent(token)}`,
};
