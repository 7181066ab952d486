import { Suspense } from "react";
import { Outlet, useLocation, useParams } from "react-router";
import { PageSkeleton } from "../../components/PageSkeleton.js";
import { useMe } from "../auth/api.js";
import { useRound } from "../assessment/api.js";
import { usePartnership } from "./api.js";
import { sectionOfPath } from "./workspaceSections.js";
import { WorkspaceNav, WorkspaceNavSkeleton } from "./WorkspaceNav.js";

/**
 * The frame of a workspace: its navigation above the page. The partnership comes from the same
 * cached query the pages use, so the frame costs no request of its own. The nav keeps its place
 * while the next page's code loads.
 */
function Frame({ slug, current }: { slug: string | undefined; current: string }) {
  const partnership = usePartnership(slug);
  return (
    <>
      {partnership.data ? (
        <WorkspaceNav partnership={partnership.data} current={current} />
      ) : (
        // A partnership that does not exist (or failed to load) has no frame: the page says why.
        partnership.isPending && !!slug && <WorkspaceNavSkeleton />
      )}
      <Suspense fallback={<PageSkeleton />}>
        <Outlet />
      </Suspense>
    </>
  );
}

/** /p/:slug and every page under it. */
export function WorkspaceLayout() {
  const { slug } = useParams();
  const { pathname } = useLocation();
  return <Frame slug={slug} current={sectionOfPath(pathname)} />;
}

/**
 * A self-assessment round (/assessments/:id...) belongs to the partnership that opened it: once
 * the round is known (members only, as its page), it shows that workspace's frame.
 */
export function AssessmentWorkspaceLayout() {
  const { id } = useParams();
  const me = useMe();
  const round = useRound(me.data ? id : undefined);
  return <Frame slug={round.data?.partnershipSlug} current="assessment" />;
}
