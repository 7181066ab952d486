import { useState } from "react";
import { Alert, Button, Group, Stack } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Link, useNavigate, useSearchParams } from "react-router";
import { PageHeader } from "../../components/PageHeader.js";
import { PageSkeleton } from "../../components/PageSkeleton.js";
import { usePageTitle } from "../../lib/usePageTitle.js";
import { meKey, useMe } from "../auth/api.js";
import { SignInPrompt } from "../auth/SignInPrompt.js";
import { partnershipKey, partnershipsApi } from "./api.js";
import { bodyFromValues, emptyValues, valuesFromSearch } from "./formValues.js";
import { PartnershipFormFields } from "./PartnershipFormFields.js";
import { applyServerErrors, usePartnershipForm } from "./usePartnershipForm.js";
import { focusFirstError } from "../../lib/focusFirstError.js";

export default function NewPartnershipPage() {
  usePageTitle("Start a partnership");
  const me = useMe();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  // Started from a ranked or shortlisted industry of a region: name, industry and counties filled in.
  const [search] = useSearchParams();
  const prefill = valuesFromSearch(search);
  const form = usePartnershipForm({ ...emptyValues, ...prefill.values });
  const [general, setGeneral] = useState<string | null>(null);

  const create = useMutation({
    mutationFn: partnershipsApi.create,
    onSuccess: async (p) => {
      queryClient.setQueryData(partnershipKey(p.slug), p);
      await queryClient.invalidateQueries({ queryKey: meKey });
      await queryClient.invalidateQueries({ queryKey: ["partnerships"] });
      notifications.show({
        color: "table",
        title: "Partnership created",
        message: `${p.name} is in the directory. You are its convener.`,
      });
      void navigate(`/p/${p.slug}`);
    },
    onError: (err) => setGeneral(applyServerErrors(form, err)),
  });

  if (me.isPending) return <PageSkeleton />;
  if (!me.data) {
    return (
      <SignInPrompt
        title="Start a partnership"
        reason="Sign in or create an account to list a partnership. You will be its convener and can invite businesses and public partners."
      />
    );
  }

  return (
    <Stack maw={900} mx="auto">
      <PageHeader
        title="Start a partnership"
        description="List your sector partnership in the directory. You can change every detail later."
      />
      <form
        noValidate
        onSubmit={form.onSubmit((values) => {
          setGeneral(null);
          create.mutate(bodyFromValues(values));
        }, focusFirstError)}
      >
        <Stack gap="lg">
          {prefill.fromRegion && (
            <Alert variant="light" title="Filled in from the region's economy" role="status">
              The name, industry and counties come from the industry you chose
              {prefill.widenedFrom
                ? `; its code ${prefill.widenedFrom} is not a NAICS code a partnership takes, so the broader ${form.values.naics[0] ?? ""} stands for it`
                : ""}
              . Check them, choose the setting, and create the partnership.
            </Alert>
          )}
          <PartnershipFormFields form={form} />
          {general && (
            <Alert color="red" variant="light" title="The partnership was not created" role="alert">
              {general}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button component={Link} to="/partnerships" variant="default">
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending} size="md">
              Create partnership
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
