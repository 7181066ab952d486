import { lazy } from "react";
import { createBrowserRouter } from "react-router";
import { DirectoryPage } from "../features/directory/DirectoryPage.js";
import { Shell } from "./Shell.js";

/** Every page but the directory is split into its own chunk, loaded when first visited. */
const ProfilePage = lazy(() => import("../features/partnerships/ProfilePage.js"));
const EditPartnershipPage = lazy(() => import("../features/partnerships/EditPartnershipPage.js"));
const NewPartnershipPage = lazy(() => import("../features/partnerships/NewPartnershipPage.js"));
const MembersPage = lazy(() => import("../features/members/MembersPage.js"));
const AgendaPage = lazy(() => import("../features/agenda/AgendaPage.js"));
const SignInPage = lazy(() => import("../features/auth/SignInPage.js"));
const SignUpPage = lazy(() => import("../features/auth/SignUpPage.js"));
const ForgotPasswordPage = lazy(() => import("../features/auth/ForgotPasswordPage.js"));
const ResetPasswordPage = lazy(() => import("../features/auth/ResetPasswordPage.js"));
const InvitationPage = lazy(() => import("../features/invitations/InvitationPage.js"));
const MyPartnershipsPage = lazy(() => import("../features/me/MyPartnershipsPage.js"));
const OutboxPage = lazy(() => import("../features/admin/OutboxPage.js"));
const NotFoundPage = lazy(() => import("../features/errors/NotFoundPage.js"));

export const router = createBrowserRouter([
  {
    element: <Shell />,
    children: [
      { path: "/", element: <DirectoryPage /> },
      { path: "/partnerships", element: <DirectoryPage /> },
      { path: "/partnerships/new", element: <NewPartnershipPage /> },
      { path: "/p/:slug", element: <ProfilePage /> },
      { path: "/p/:slug/edit", element: <EditPartnershipPage /> },
      { path: "/p/:slug/members", element: <MembersPage /> },
      { path: "/p/:slug/agenda", element: <AgendaPage /> },
      { path: "/p/:slug/agenda/:tab", element: <AgendaPage /> },
      { path: "/p/:slug/agenda/votes/:roundId", element: <AgendaPage /> },
      { path: "/signin", element: <SignInPage /> },
      { path: "/signup", element: <SignUpPage /> },
      { path: "/forgot-password", element: <ForgotPasswordPage /> },
      { path: "/reset-password/:token", element: <ResetPasswordPage /> },
      { path: "/invitations/:token", element: <InvitationPage /> },
      { path: "/me", element: <MyPartnershipsPage /> },
      { path: "/admin/outbox", element: <OutboxPage /> },
      { path: "*", element: <NotFoundPage /> },
    ],
  },
]);
