import { useState } from "react";
import { Alert, Button, Group, Stack } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Link, useNavigate, useSearchParams } from "react-router";
import { FormattedMessage, useIntl } from "react-intl";
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
  const intl = useIntl();
  const startTitle = intl.formatMessage({
    id: "partnerships.new.pageTitle",
    defaultMessage: "Start a partnership",
  });
  usePageTitle(startTitle);
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
        title: intl.formatMessage({
          id: "partnerships.new.createdToastTitle",
          defaultMessage: "Partnership created",
        }),
        message: intl.formatMessage(
          {
            id: "partnerships.new.createdToast",
            defaultMessage: "{name} is in the directory. You are its convener.",
          },
          { name: p.name },
        ),
      });
      void navigate(`/p/${p.slug}`);
    },
    onError: (err) => setGeneral(applyServerErrors(form, err, intl)),
  });

  if (me.isPending) return <PageSkeleton />;
  if (!me.data) {
    return (
      <SignInPrompt
        title={startTitle}
        reason={intl.formatMessage({
          id: "partnerships.new.signInReason",
          defaultMessage:
            "Sign in or create an account to list a partnership. You will be its convener and can invite businesses and public partners.",
        })}
      />
    );
  }

  return (
    <Stack maw={900} mx="auto">
      <PageHeader
        title={startTitle}
        description={intl.formatMessage({
          id: "partnerships.new.description",
          defaultMessage: "List your sector partnership in the directory. You can change every detail later.",
        })}
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
            <Alert
              variant="light"
              title={intl.formatMessage({
                id: "partnerships.new.prefillTitle",
                defaultMessage: "Filled in from the region's economy",
              })}
              role="status"
            >
              {prefill.widenedFrom ? (
                <FormattedMessage
                  id="partnerships.new.prefillWidened"
                  defaultMessage="The name, industry and counties come from the industry you chose; its code {code} is not a NAICS code a partnership takes, so the broader {broader} stands for it. Check them, choose the setting, and create the partnership."
                  values={{ code: prefill.widenedFrom, broader: form.values.naics[0] ?? "" }}
                />
              ) : (
                <FormattedMessage
                  id="partnerships.new.prefill"
                  defaultMessage="The name, industry and counties come from the industry you chose. Check them, choose the setting, and create the partnership."
                />
              )}
            </Alert>
          )}
          <PartnershipFormFields form={form} />
          {general && (
            <Alert
              color="red"
              variant="light"
              title={intl.formatMessage({
                id: "partnerships.new.notCreatedTitle",
                defaultMessage: "The partnership was not created",
              })}
              role="alert"
            >
              {general}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button component={Link} to="/partnerships" variant="default">
              <FormattedMessage id="partnerships.new.cancel" defaultMessage="Cancel" />
            </Button>
            <Button type="submit" loading={create.isPending} size="md">
              <FormattedMessage id="partnerships.new.createButton" defaultMessage="Create partnership" />
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
