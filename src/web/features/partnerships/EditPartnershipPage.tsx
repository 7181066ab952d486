import { useEffect, useState } from "react";
import { Alert, Anchor, Button, Group, Stack, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Link, useNavigate, useParams } from "react-router";
import { FormattedMessage, useIntl } from "react-intl";
import type { PartnershipDetail } from "../../../core/partnerships.js";
import { ErrorAlert } from "../../components/ErrorAlert.js";
import { PageHeader } from "../../components/PageHeader.js";
import { PageSkeleton } from "../../components/PageSkeleton.js";
import { ApiError } from "../../lib/api.js";
import { usePageTitle } from "../../lib/usePageTitle.js";
import { useMe } from "../auth/api.js";
import { SignInPrompt } from "../auth/SignInPrompt.js";
import NotFoundPage from "../errors/NotFoundPage.js";
import { partnershipKey, partnershipsApi, usePartnership } from "./api.js";
import { bodyFromValues, emptyValues, valuesFromDetail } from "./formValues.js";
import { PartnershipFormFields } from "./PartnershipFormFields.js";
import { applyServerErrors, usePartnershipForm } from "./usePartnershipForm.js";
import { focusFirstError } from "../../lib/focusFirstError.js";
import { formatDateTime } from "../../lib/format.js";

function isDetail(value: unknown): value is PartnershipDetail {
  return typeof value === "object" && value !== null && "version" in value && "slug" in value;
}

export default function EditPartnershipPage() {
  const intl = useIntl();
  const { slug } = useParams();
  const me = useMe();
  const query = usePartnership(slug);
  const p = query.data;
  const editName = (name: string) =>
    intl.formatMessage({ id: "partnerships.edit.pageTitleNamed", defaultMessage: "Edit {name}" }, { name });
  const editProfile = intl.formatMessage({
    id: "partnerships.edit.pageTitle",
    defaultMessage: "Edit profile",
  });
  usePageTitle(p ? editName(p.name) : editProfile);
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const form = usePartnershipForm(emptyValues);
  const [version, setVersion] = useState<number | null>(null);
  const [conflict, setConflict] = useState<PartnershipDetail | null>(null);
  const [general, setGeneral] = useState<string | null>(null);

  // Fill the form once, when the partnership first arrives; later refetches must not wipe edits.
  useEffect(() => {
    if (p && version === null) {
      form.setValues(valuesFromDetail(p));
      form.resetDirty(valuesFromDetail(p));
      setVersion(p.version);
    }
  }, [p, version]);

  const save = useMutation({
    mutationFn: (values: typeof form.values) => {
      if (!p || version === null)
        throw new Error(
          intl.formatMessage({
            id: "partnerships.edit.notLoaded",
            defaultMessage: "The profile is not loaded yet.",
          }),
        );
      return partnershipsApi.patch(p.id, { ...bodyFromValues(values), version });
    },
    onSuccess: (saved) => {
      queryClient.setQueryData(partnershipKey(saved.slug), saved);
      queryClient.setQueryData(partnershipKey(saved.id), saved);
      void queryClient.invalidateQueries({ queryKey: ["partnerships"] });
      notifications.show({
        color: "table",
        message: intl.formatMessage({ id: "partnerships.edit.savedToast", defaultMessage: "Profile saved." }),
      });
      void navigate(`/p/${saved.slug}`);
    },
    onError: (err) => {
      if (err instanceof ApiError && err.status === 409 && isDetail(err.problem.current)) {
        setConflict(err.problem.current);
        setGeneral(null);
        return;
      }
      setGeneral(applyServerErrors(form, err, intl));
    },
  });

  if (query.isPending || me.isPending)
    return (
      <PageSkeleton
        label={intl.formatMessage({ id: "partnerships.edit.loading", defaultMessage: "Loading the profile" })}
      />
    );
  if (query.error instanceof ApiError && query.error.status === 404) return <NotFoundPage />;
  if (!p) return <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  if (!me.data) {
    return (
      <SignInPrompt
        title={editName(p.name)}
        reason={intl.formatMessage({
          id: "partnerships.edit.signInReason",
          defaultMessage: "Sign in as a convener of this partnership to edit its profile.",
        })}
      />
    );
  }
  if (!p.permissions.edit) {
    return (
      <Alert
        color="harvest"
        variant="light"
        title={intl.formatMessage({
          id: "partnerships.edit.forbiddenTitle",
          defaultMessage: "You cannot edit this profile",
        })}
        maw={640}
      >
        <FormattedMessage
          id="partnerships.edit.forbiddenText"
          defaultMessage="Only the conveners of {name} can edit its profile."
          values={{ name: p.name }}
        />{" "}
        <Anchor component={Link} to={`/p/${p.slug}`}>
          <FormattedMessage id="partnerships.edit.backToProfile" defaultMessage="Back to the profile" />
        </Anchor>
      </Alert>
    );
  }

  const loadTheirs = () => {
    if (!conflict) return;
    queryClient.setQueryData(partnershipKey(p.slug), conflict);
    form.setValues(valuesFromDetail(conflict));
    form.resetDirty(valuesFromDetail(conflict));
    setVersion(conflict.version);
    setConflict(null);
  };
  const keepMine = () => {
    if (!conflict) return;
    setVersion(conflict.version);
    setConflict(null);
    notifications.show({
      color: "harvest",
      message: intl.formatMessage({
        id: "partnerships.edit.keptToast",
        defaultMessage: "Your changes are kept. Save again to replace the other version.",
      }),
    });
  };

  return (
    <Stack maw={900} mx="auto">
      <PageHeader title={editProfile} description={p.name} />
      <form
        noValidate
        onSubmit={form.onSubmit((values) => {
          setGeneral(null);
          save.mutate(values);
        }, focusFirstError)}
      >
        <Stack gap="lg">
          <PartnershipFormFields form={form} />
          {conflict && (
            <Alert
              color="harvest"
              variant="light"
              title={intl.formatMessage({
                id: "partnerships.edit.conflictTitle",
                defaultMessage: "Someone else saved this profile first",
              })}
              role="alert"
            >
              <Text size="sm" mb="sm">
                {conflict.updatedAt ? (
                  <FormattedMessage
                    id="partnerships.edit.conflictChangedAt"
                    defaultMessage="It was changed at {time} while you were editing."
                    values={{ time: formatDateTime(conflict.updatedAt) }}
                  />
                ) : (
                  <FormattedMessage
                    id="partnerships.edit.conflictChanged"
                    defaultMessage="It was changed while you were editing."
                  />
                )}{" "}
                <FormattedMessage
                  id="partnerships.edit.conflictHelp"
                  defaultMessage="Load their version (your changes here are dropped), or keep your changes and save again to replace theirs."
                />
              </Text>
              <Group gap="sm">
                <Button size="xs" onClick={loadTheirs}>
                  <FormattedMessage id="partnerships.edit.loadTheirs" defaultMessage="Load their version" />
                </Button>
                <Button size="xs" variant="default" onClick={keepMine}>
                  <FormattedMessage id="partnerships.edit.keepMine" defaultMessage="Keep my changes" />
                </Button>
              </Group>
            </Alert>
          )}
          {general && (
            <Alert
              color="red"
              variant="light"
              title={intl.formatMessage({
                id: "partnerships.edit.notSavedTitle",
                defaultMessage: "The profile was not saved",
              })}
              role="alert"
            >
              {general}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button component={Link} to={`/p/${p.slug}`} variant="default">
              <FormattedMessage id="partnerships.edit.cancel" defaultMessage="Cancel" />
            </Button>
            <Button type="submit" loading={save.isPending} disabled={!!conflict} size="md">
              <FormattedMessage id="partnerships.edit.saveButton" defaultMessage="Save profile" />
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
