import { lazy } from 'react'
import { Route, Routes } from 'react-router'
import { PortalLayout } from './components/portal-layout.tsx'
import { RESOURCE_LISTS } from './nav-items.ts'

// Route-level code splitting: each page is its own chunk, loaded when first visited.
const HomePage = lazy(() => import('./pages/home-page.tsx').then((m) => ({ default: m.HomePage })))
const ResourceListPage = lazy(() =>
  import('./pages/resource-list-page.tsx').then((m) => ({ default: m.ResourceListPage })),
)
const ResourceDetailPage = lazy(() =>
  import('./pages/resource-detail-page.tsx').then((m) => ({ default: m.ResourceDetailPage })),
)
const DemandsPage = lazy(() => import('./pages/demands-page.tsx').then((m) => ({ default: m.DemandsPage })))
const StatsPage = lazy(() => import('./pages/stats-page.tsx').then((m) => ({ default: m.StatsPage })))
const MapPage = lazy(() => import('./pages/map-page.tsx').then((m) => ({ default: m.MapPage })))
const VouchersPage = lazy(() => import('./pages/vouchers-page.tsx').then((m) => ({ default: m.VouchersPage })))
const LoginPage = lazy(() => import('./pages/login-page.tsx').then((m) => ({ default: m.LoginPage })))
const TotpVerifyPage = lazy(() => import('./pages/totp-verify-page.tsx').then((m) => ({ default: m.TotpVerifyPage })))
const TotpSetupPage = lazy(() => import('./pages/totp-setup-page.tsx').then((m) => ({ default: m.TotpSetupPage })))
const ResetPasswordPage = lazy(() =>
  import('./pages/reset-password-page.tsx').then((m) => ({ default: m.ResetPasswordPage })),
)
const RegisterPage = lazy(() => import('./pages/register-page.tsx').then((m) => ({ default: m.RegisterPage })))
const LegalPage = lazy(() => import('./pages/legal-page.tsx').then((m) => ({ default: m.LegalPage })))
const MePage = lazy(() => import('./pages/me-page.tsx').then((m) => ({ default: m.MePage })))
const InboxPage = lazy(() => import('./pages/inbox-page.tsx').then((m) => ({ default: m.InboxPage })))
const OrgPage = lazy(() => import('./pages/org-page.tsx').then((m) => ({ default: m.OrgPage })))
const NodeConsolePage = lazy(() =>
  import('./pages/node-console-page.tsx').then((m) => ({ default: m.NodeConsolePage })),
)
const AuditPage = lazy(() => import('./pages/audit-page.tsx').then((m) => ({ default: m.AuditPage })))
const DevSmsPage = lazy(() => import('./pages/dev-sms-page.tsx').then((m) => ({ default: m.DevSmsPage })))
const SearchPage = lazy(() => import('./pages/search-page.tsx').then((m) => ({ default: m.SearchPage })))
const HelpRequestsConsolePage = lazy(() =>
  import('./pages/help-requests-console-page.tsx').then((m) => ({ default: m.HelpRequestsConsolePage })),
)
const ConsoleResourcesPage = lazy(() =>
  import('./pages/console-resources-page.tsx').then((m) => ({ default: m.ConsoleResourcesPage })),
)
const ConsoleResourceEditPage = lazy(() =>
  import('./pages/console-resource-edit-page.tsx').then((m) => ({ default: m.ConsoleResourceEditPage })),
)
const ConsoleResourceViewPage = lazy(() =>
  import('./pages/console-resource-view-page.tsx').then((m) => ({ default: m.ConsoleResourceViewPage })),
)
const ConsoleReviewsPage = lazy(() =>
  import('./pages/console-reviews-page.tsx').then((m) => ({ default: m.ConsoleReviewsPage })),
)
const ConsoleReviewPage = lazy(() =>
  import('./pages/console-review-page.tsx').then((m) => ({ default: m.ConsoleReviewPage })),
)
const CatalogImportPage = lazy(() =>
  import('./pages/catalog-import-page.tsx').then((m) => ({ default: m.CatalogImportPage })),
)
const MyBookingsPage = lazy(() => import('./pages/my-bookings-page.tsx').then((m) => ({ default: m.MyBookingsPage })))
const NotFoundPage = lazy(() => import('./pages/not-found-page.tsx').then((m) => ({ default: m.NotFoundPage })))

/**
 * The portal's routes, all inside the portal layout.
 * @returns the route tree
 */
export function AppRoutes() {
  return (
    <Routes>
      <Route element={<PortalLayout />}>
        <Route index element={<HomePage />} />
        <Route
          path="resources"
          element={<ResourceListPage titleKey="list.allTitle" leadKey="list.leadAll" isKindSelectable />}
        />
        <Route path="resources/:id" element={<ResourceDetailPage />} />
        {RESOURCE_LISTS.map((list) => (
          <Route
            key={list.path}
            path={list.path}
            element={
              <ResourceListPage key={list.path} kinds={list.kinds} titleKey={list.titleKey} leadKey={list.leadKey} />
            }
          />
        ))}
        <Route path="demands" element={<DemandsPage />} />
        <Route path="stats" element={<StatsPage />} />
        <Route path="map" element={<MapPage />} />
        <Route path="vouchers" element={<VouchersPage />} />
        <Route path="login" element={<LoginPage />} />
        <Route path="login/totp" element={<TotpVerifyPage />} />
        <Route path="login/totp/setup" element={<TotpSetupPage />} />
        <Route path="login/reset" element={<ResetPasswordPage />} />
        <Route path="register" element={<RegisterPage />} />
        <Route path="legal/:doc" element={<LegalPage />} />
        <Route path="me" element={<MePage />} />
        <Route path="me/bookings" element={<MyBookingsPage />} />
        <Route path="inbox" element={<InboxPage />} />
        <Route path="orgs/:id" element={<OrgPage />} />
        <Route path="console/nodes" element={<NodeConsolePage />} />
        <Route path="console/audit" element={<AuditPage />} />
        <Route path="dev/sms" element={<DevSmsPage />} />
        <Route path="search" element={<SearchPage />} />
        <Route path="console/help-requests" element={<HelpRequestsConsolePage />} />
        <Route path="console/resources" element={<ConsoleResourcesPage />} />
        <Route path="console/resources/new" element={<ConsoleResourceEditPage key="new" />} />
        <Route path="console/resources/:id" element={<ConsoleResourceViewPage />} />
        <Route path="console/resources/:id/edit" element={<ConsoleResourceEditPage key="edit" />} />
        <Route path="console/reviews" element={<ConsoleReviewsPage />} />
        <Route path="console/reviews/:id" element={<ConsoleReviewPage />} />
        <Route path="console/catalog/import" element={<CatalogImportPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  )
}
