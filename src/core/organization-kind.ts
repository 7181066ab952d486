import { z } from "zod";
import { organizationKinds } from "./vocabulary.js";

/** One schema for the kind of organization, so the API document names it once (OrganizationKind). */
export const organizationKindSchema = z.enum(organizationKinds);
