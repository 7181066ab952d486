import { Card, Grid, Radio, Group, Select, Stack, Textarea, TextInput, Title } from "@mantine/core";
import type { UseFormReturnType } from "@mantine/form";
import { FormattedMessage, useIntl } from "react-intl";
import { limits } from "../../../core/limits.js";
import { settingLabels, settings, stageLabels, stages, type Stage } from "../../../core/vocabulary.js";
import { IndustryPicker } from "./IndustryPicker.js";
import { RegionPicker } from "./RegionPicker.js";
import type { PartnershipFormValues } from "./formValues.js";

const stageOptions = stages.map((s) => ({ value: s, label: stageLabels[s] }));

export type PartnershipForm = UseFormReturnType<PartnershipFormValues>;

/** The fields shared by "start a partnership" and "edit profile", in three short sections. */
export function PartnershipFormFields({ form }: { form: PartnershipForm }) {
  const intl = useIntl();
  const naics = form.getInputProps("naics");
  const counties = form.getInputProps("counties");
  return (
    <Stack gap="lg">
      <Card component="section" aria-labelledby="basics-heading">
        <Title order={2} fz="lg" id="basics-heading" mb="md">
          <FormattedMessage id="partnerships.form.basicsHeading" defaultMessage="The partnership" />
        </Title>
        <Stack gap="md">
          <TextInput
            label={intl.formatMessage({ id: "partnerships.form.nameLabel", defaultMessage: "Name" })}
            description={intl.formatMessage({
              id: "partnerships.form.nameDescription",
              defaultMessage:
                "As people in the region know it, e.g. “Northern Colorado Manufacturing Partnership”.",
            })}
            withAsterisk
            maxLength={limits.name}
            {...form.getInputProps("name")}
          />
          <IndustryPicker
            value={form.values.naics}
            onChange={(v) => form.setFieldValue("naics", v)}
            error={naics.error as React.ReactNode}
          />
          <Grid gap="md">
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <Select
                label={intl.formatMessage({ id: "partnerships.form.stageLabel", defaultMessage: "Stage" })}
                data={stageOptions}
                allowDeselect={false}
                {...form.getInputProps("stage")}
                onChange={(v: string | null) => {
                  if (v) form.setFieldValue("stage", v as Stage);
                }}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <TextInput
                label={intl.formatMessage({
                  id: "partnerships.form.launchDateLabel",
                  defaultMessage: "Launch date",
                })}
                description={intl.formatMessage({
                  id: "partnerships.form.launchDateDescription",
                  defaultMessage: "The first meeting of business leaders; leave empty if not yet.",
                })}
                type="date"
                {...form.getInputProps("launchDate")}
              />
            </Grid.Col>
          </Grid>
          <Textarea
            label={intl.formatMessage({
              id: "partnerships.form.descriptionLabel",
              defaultMessage: "Description",
            })}
            description={intl.formatMessage({
              id: "partnerships.form.descriptionDescription",
              defaultMessage: "What the partnership is about, for the public profile.",
            })}
            autosize
            minRows={4}
            maxRows={12}
            maxLength={limits.description}
            {...form.getInputProps("description")}
          />
        </Stack>
      </Card>

      <Card component="section" aria-labelledby="region-heading">
        <Title order={2} fz="lg" id="region-heading" mb="md">
          <FormattedMessage id="partnerships.form.regionHeading" defaultMessage="Where" />
        </Title>
        <Stack gap="md">
          <RegionPicker
            value={form.values.counties}
            onChange={(v) => form.setFieldValue("counties", v)}
            error={counties.error as React.ReactNode}
          />
          <Radio.Group
            label={intl.formatMessage({ id: "partnerships.form.settingLabel", defaultMessage: "Setting" })}
            withAsterisk
            {...form.getInputProps("setting")}
          >
            <Group gap="lg" mt={6}>
              {settings.map((s) => (
                <Radio key={s} value={s} label={settingLabels[s]} />
              ))}
            </Group>
          </Radio.Group>
        </Stack>
      </Card>

      <Card component="section" aria-labelledby="contact-heading">
        <Title order={2} fz="lg" id="contact-heading" mb="md">
          <FormattedMessage id="partnerships.form.contactHeading" defaultMessage="Public contact" />
        </Title>
        <Grid gap="md">
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <TextInput
              label={intl.formatMessage({
                id: "partnerships.form.contactNameLabel",
                defaultMessage: "Contact name",
              })}
              maxLength={limits.personName}
              autoComplete="name"
              {...form.getInputProps("contactName")}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <TextInput
              label={intl.formatMessage({
                id: "partnerships.form.contactEmailLabel",
                defaultMessage: "Contact e-mail",
              })}
              type="email"
              maxLength={limits.email}
              autoComplete="email"
              {...form.getInputProps("contactEmail")}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <TextInput
              label={intl.formatMessage({
                id: "partnerships.form.contactPhoneLabel",
                defaultMessage: "Contact phone",
              })}
              type="tel"
              maxLength={limits.phone}
              autoComplete="tel"
              {...form.getInputProps("contactPhone")}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <TextInput
              label={intl.formatMessage({ id: "partnerships.form.websiteLabel", defaultMessage: "Website" })}
              inputMode="url"
              placeholder={intl.formatMessage({
                id: "partnerships.form.websitePlaceholder",
                defaultMessage: "www.example.org",
              })}
              maxLength={limits.url}
              {...form.getInputProps("website")}
            />
          </Grid.Col>
        </Grid>
      </Card>
    </Stack>
  );
}
