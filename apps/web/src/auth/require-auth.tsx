import { Navigate, Outlet, useLocation } from 'react-router';
import { ErrorState, PageLoader } from '../layout/page-states';
import { useAuth } from './auth-context';
import { signInPath } from './next-path';

/** Routes below this one are for signed-in users; others are sent to sign in and back. */
export function RequireAuth() {
  const { session, user, userError, retryUser } = useAuth();
  const location = useLocation();
  if (!session) {
    return <Navigate to={signInPath(location.pathname + location.search)} replace />;
  }
  if (user) return <Outlet />;
  if (userError) return <ErrorState error={userError} onRetry={retryUser} />;
  return <PageLoader />;
}
