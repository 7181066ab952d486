import { lazy } from "react";
import { createBrowserRouter } from "react-router";
import { DirectoryPage } from "../features/directory/DirectoryPage.js";
import { AssessmentWorkspaceLayout, WorkspaceLayout } from "../features/partnerships/WorkspaceLayout.js";
import { Shell } from "./Shell.js";

/** Every page but the directory is split into its own chunk, loaded when first visited. */
const ProfilePage = lazy(() => import("../features/partnerships/ProfilePage.js"));
const EditPartnershipPage = lazy(() => import("../features/partnerships/EditPartnershipPage.js"));
const NewPartnershipPage = lazy(() => import("../features/partnerships/NewPartnershipPage.js"));
const MembersPage = lazy(() => import("../features/members/MembersPage.js"));
const AgendaPage = lazy(() => import("../features/agenda/AgendaPage.js"));
const ActionLinkPage = lazy(() => import("../features/agenda/ActionLinkPage.js"));
const RsvpLinkPage = lazy(() => import("../features/meetings/RsvpLinkPage.js"));
const SignInPage = lazy(() => import("../features/auth/SignInPage.js"));
const SignUpPage = lazy(() => import("../features/auth/SignUpPage.js"));
const ForgotPasswordPage = lazy(() => import("../features/auth/ForgotPasswordPage.js"));
const ResetPasswordPage = lazy(() => import("../features/auth/ResetPasswordPage.js"));
const InvitationPage = lazy(() => import("../features/invitations/InvitationPage.js"));
const MyPartnershipsPage = lazy(() => import("../features/me/MyPartnershipsPage.js"));
const MyPlanPage = lazy(() => import("../features/me/MyPlanPage.js"));
const AccountPage = lazy(() => import("../features/me/AccountPage.js"));
const ConfirmEmailPage = lazy(() => import("../features/me/ConfirmEmailPage.js"));
const SignInLinkPage = lazy(() => import("../features/auth/SignInLinkPage.js"));
const SignUpLinkPage = lazy(() => import("../features/auth/SignUpLinkPage.js"));
const OutboxPage = lazy(() => import("../features/admin/OutboxPage.js"));
const AdminHomePage = lazy(() => import("../features/admin/AdminHomePage.js"));
const SsoDomainsPage = lazy(() => import("../features/admin/SsoDomainsPage.js"));
const CoordinatorsAdminPage = lazy(() => import("../features/coordinators/CoordinatorsAdminPage.js"));
const ServiceTokensPage = lazy(() => import("../features/admin/service-tokens/ServiceTokensPage.js"));
const MyScopePage = lazy(() => import("../features/coordinators/MyScopePage.js"));
const PortfolioPage = lazy(() => import("../features/portfolio/PortfolioPage.js"));
const RegionalTeamsPage = lazy(() => import("../features/regional-teams/TeamsPage.js"));
const RegionalTeamPage = lazy(() => import("../features/regional-teams/TeamPage.js"));
const AnnualReportPage = lazy(() => import("../features/reports/AnnualReportPage.js"));
const SsoCallbackPage = lazy(() => import("../features/auth/SsoCallbackPage.js"));
const QcewAdminPage = lazy(() => import("../features/qcew-admin/QcewAdminPage.js"));
const RegionEconomyPage = lazy(() => import("../features/region-economy/RegionEconomyPage.js"));
const QuickCheckPage = lazy(() => import("../features/assessment/QuickCheckPage.js"));
const AssessmentSectionPage = lazy(() => import("../features/assessment/AssessmentSectionPage.js"));
const AssessmentRoundPage = lazy(() => import("../features/assessment/RoundPage.js"));
const AssessmentResultsPage = lazy(() => import("../features/assessment/ResultsPage.js"));
const AssessmentReportPage = lazy(() => import("../features/assessment/ReportPage.js"));
const RubricAdminPage = lazy(() => import("../features/assessment/RubricAdminPage.js"));
const AssessmentCommunityPage = lazy(() => import("../features/assessment/CommunityPage.js"));
const MeetingsPage = lazy(() => import("../features/meetings/MeetingsPage.js"));
const MeetingPage = lazy(() => import("../features/meetings/MeetingPage.js"));
const CheckInScreenPage = lazy(() => import("../features/checkin/CheckInScreenPage.js"));
const PhoneCheckInPage = lazy(() => import("../features/checkin/PhoneCheckInPage.js"));
const ConfirmCheckInPage = lazy(() => import("../features/checkin/ConfirmCheckInPage.js"));
const LiveVoteScreenPage = lazy(() => import("../features/agenda/LiveVoteScreenPage.js"));
const LiveVotePage = lazy(() => import("../features/agenda/LiveVotePage.js"));
const ChecklistPage = lazy(() => import("../features/stages/ChecklistPage.js"));
const HealthPage = lazy(() => import("../features/health/HealthPage.js"));
const ActivityPage = lazy(() => import("../features/activity/ActivityPage.js"));
const ImpactPage = lazy(() => import("../features/impact/ImpactPage.js"));
const RollupPage = lazy(() => import("../features/impact/RollupPage.js"));
const ValueCheckPage = lazy(() => import("../features/impact/ValueCheckPage.js"));
const ThemesPage = lazy(() => import("../features/themes/ThemesPage.js"));
const ProfilesPage = lazy(() => import("../features/profiles/ProfilesPage.js"));
const ProfileComparePage = lazy(() => import("../features/profiles/ComparePage.js"));
const ProfileReadPage = lazy(() => import("../features/profiles/ProfileReadPage.js"));
const ProfileEditorPage = lazy(() => import("../features/profiles/ProfileEditorPage.js"));
const CatalogAdminPage = lazy(() => import("../features/impact/CatalogAdminPage.js"));
const EventsPage = lazy(() => import("../features/events/EventsPage.js"));
const EventPage = lazy(() => import("../features/events/EventPage.js"));
const EventEditorPage = lazy(() => import("../features/events/EventEditorPage.js"));
const DiscussionsPage = lazy(() => import("../features/discussions/DiscussionsPage.js"));
const ThreadPage = lazy(() => import("../features/discussions/ThreadPage.js"));
const NotificationsPage = lazy(() => import("../features/notifications/NotificationsPage.js"));
const SettingsPage = lazy(() => import("../features/notifications/SettingsPage.js"));
const UnsubscribePage = lazy(() => import("../features/notifications/UnsubscribePage.js"));
const PeersPage = lazy(() => import("../features/peers/PeersPage.js"));
const PeoplePage = lazy(() => import("../features/peers/PeoplePage.js"));
const LibraryPage = lazy(() => import("../features/resources/LibraryPage.js"));
const ResourcePage = lazy(() => import("../features/resources/ResourcePage.js"));
const SuggestResourcePage = lazy(() => import("../features/resources/SuggestPage.js"));
const ResourceReviewPage = lazy(() => import("../features/resources/ReviewPage.js"));
const HomePage = lazy(() => import("../features/home/HomePage.js"));
const NotFoundPage = lazy(() => import("../features/errors/NotFoundPage.js"));

export const router = createBrowserRouter([
  {
    element: <Shell />,
    children: [
      { path: "/", element: <HomePage /> },
      { path: "/partnerships", element: <DirectoryPage /> },
      { path: "/regions/economy", element: <RegionEconomyPage /> },
      { path: "/partnerships/new", element: <NewPartnershipPage /> },
      {
        // Every page of a partnership's workspace, under its navigation.
        path: "/p/:slug",
        element: <WorkspaceLayout />,
        children: [
          { index: true, element: <ProfilePage /> },
          { path: "edit", element: <EditPartnershipPage /> },
          { path: "members", element: <MembersPage /> },
          { path: "agenda", element: <AgendaPage /> },
          { path: "agenda/:tab", element: <AgendaPage /> },
          { path: "agenda/votes/:roundId", element: <AgendaPage /> },
          { path: "assessment", element: <AssessmentSectionPage /> },
          { path: "meetings", element: <MeetingsPage /> },
          { path: "meetings/:meetingId", element: <MeetingPage /> },
          { path: "checklist", element: <ChecklistPage /> },
          { path: "health", element: <HealthPage /> },
          { path: "activity", element: <ActivityPage /> },
          { path: "impact", element: <ImpactPage /> },
          { path: "value-check", element: <ValueCheckPage /> },
          { path: "peers", element: <PeersPage /> },
          { path: "benchmarking", element: <ProfileEditorPage /> },
        ],
      },
      {
        // A self-assessment round shows the navigation of the partnership that opened it.
        path: "/assessments/:id",
        element: <AssessmentWorkspaceLayout />,
        children: [
          { index: true, element: <AssessmentRoundPage /> },
          { path: "results", element: <AssessmentResultsPage /> },
          { path: "report", element: <AssessmentReportPage /> },
        ],
      },
      { path: "/meetings/:meetingId/check-in", element: <CheckInScreenPage /> },
      { path: "/check-in", element: <PhoneCheckInPage /> },
      { path: "/check-in/:code", element: <PhoneCheckInPage /> },
      { path: "/check-in/confirm/:token", element: <ConfirmCheckInPage /> },
      { path: "/vote-rounds/:roundId/live", element: <LiveVoteScreenPage /> },
      { path: "/live", element: <LiveVotePage /> },
      { path: "/signin", element: <SignInPage /> },
      { path: "/signup", element: <SignUpPage /> },
      { path: "/forgot-password", element: <ForgotPasswordPage /> },
      { path: "/reset-password/:token", element: <ResetPasswordPage /> },
      { path: "/invitations/:token", element: <InvitationPage /> },
      { path: "/me", element: <MyPartnershipsPage /> },
      { path: "/me/plan", element: <MyPlanPage /> },
      { path: "/me/account", element: <AccountPage /> },
      { path: "/me/email/:token", element: <ConfirmEmailPage /> },
      { path: "/signin/link/:token", element: <SignInLinkPage /> },
      { path: "/signup/link", element: <SignUpLinkPage /> },
      { path: "/signin/sso/:providerId/callback", element: <SsoCallbackPage /> },
      { path: "/action-link/:actionId/:token", element: <ActionLinkPage /> },
      { path: "/meeting-answer/:meetingId", element: <RsvpLinkPage /> },
      { path: "/admin", element: <AdminHomePage /> },
      { path: "/admin/outbox", element: <OutboxPage /> },
      { path: "/admin/sso-domains", element: <SsoDomainsPage /> },
      { path: "/admin/coordinators", element: <CoordinatorsAdminPage /> },
      { path: "/admin/service-tokens", element: <ServiceTokensPage /> },
      { path: "/me/scope", element: <MyScopePage /> },
      { path: "/portfolio", element: <PortfolioPage /> },
      { path: "/regions/teams", element: <RegionalTeamsPage /> },
      { path: "/regions/teams/:slug", element: <RegionalTeamPage /> },
      { path: "/reports/annual", element: <AnnualReportPage /> },
      { path: "/admin/regional-economy", element: <QcewAdminPage /> },
      { path: "/next-gen-check", element: <QuickCheckPage /> },
      { path: "/admin/assessment", element: <RubricAdminPage /> },
      { path: "/admin/assessment/community", element: <AssessmentCommunityPage /> },
      { path: "/results", element: <RollupPage /> },
      { path: "/themes", element: <ThemesPage /> },
      { path: "/profiles", element: <ProfilesPage /> },
      { path: "/profiles/compare", element: <ProfileComparePage /> },
      { path: "/profiles/:slug", element: <ProfileReadPage /> },
      { path: "/admin/indicators", element: <CatalogAdminPage /> },
      { path: "/events", element: <EventsPage /> },
      { path: "/events/new", element: <EventEditorPage /> },
      { path: "/events/:slug", element: <EventPage /> },
      { path: "/events/:slug/edit", element: <EventEditorPage /> },
      { path: "/discussions", element: <DiscussionsPage /> },
      { path: "/discussions/:id", element: <ThreadPage /> },
      { path: "/notifications", element: <NotificationsPage /> },
      { path: "/me/settings", element: <SettingsPage /> },
      { path: "/unsubscribe", element: <UnsubscribePage /> },
      { path: "/people", element: <PeoplePage /> },
      { path: "/resources", element: <LibraryPage /> },
      { path: "/resources/suggest", element: <SuggestResourcePage /> },
      { path: "/resources/:slug", element: <ResourcePage /> },
      { path: "/admin/resources", element: <ResourceReviewPage /> },
      { path: "*", element: <NotFoundPage /> },
    ],
  },
]);
