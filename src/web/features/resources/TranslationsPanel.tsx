import { useState } from "react";
import { Button, Card, Group, Stack, Tabs, Text, TextInput, Textarea, Title } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { FormattedMessage, useIntl } from "react-intl";
import { LOCALE_NAMES, LOCALES, type Locale } from "../../../core/i18n/locales.js";
import type { Resource } from "../../../core/resources.js";
import { ErrorAlert } from "../../components/ErrorAlert.js";
import { ApiError } from "../../lib/api.js";
import { formatDate } from "../../lib/format.js";
import { resourcesApi, resourcesKey } from "./api.js";

type Translated = Exclude<Locale, "en">;
const translatable = LOCALES.filter((l): l is Translated => l !== "en");

/** One language's text, written beside the original; blank until someone translates it. */
function TranslationForm({ resource, lang }: { resource: Resource; lang: Translated }) {
  const intl = useIntl();
  const client = useQueryClient();
  const saved = resource.translations?.find((t) => t.lang === lang);
  const [title, setTitle] = useState(saved?.title ?? "");
  const [summary, setSummary] = useState(saved?.summary ?? "");
  const [body, setBody] = useState(saved?.body ?? "");
  const done = () => client.invalidateQueries({ queryKey: resourcesKey });
  const save = useMutation({
    mutationFn: () => resourcesApi.translate(resource.id, lang, { title, summary, body }),
    onSuccess: done,
  });
  const remove = useMutation({
    mutationFn: () => resourcesApi.removeTranslation(resource.id, lang),
    onSuccess: () => {
      setTitle("");
      setSummary("");
      setBody("");
      return done();
    },
  });
  const fields = save.error instanceof ApiError ? save.error.fieldErrors() : {};
  const original = resource.original ?? { title: "", summary: "", body: "" };
  const english = (text: string) =>
    text ? (
      <span lang="en">
        <FormattedMessage
          id="resources.translate.english"
          defaultMessage="English: {text}"
          values={{ text }}
        />
      </span>
    ) : undefined;
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
    >
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {saved ? (
            <FormattedMessage
              id="resources.translate.savedOn"
              defaultMessage="Translated; last saved {date}. Readers of this language get it."
              values={{ date: formatDate(new Date(saved.updatedAt)) }}
            />
          ) : (
            <FormattedMessage
              id="resources.translate.none"
              defaultMessage="Not translated yet: readers of this language get the English, with a note."
            />
          )}
        </Text>
        <TextInput
          label={intl.formatMessage({ id: "resources.translate.titleLabel", defaultMessage: "Title" })}
          description={english(original.title)}
          lang={lang}
          value={title}
          onChange={(e) => setTitle(e.currentTarget.value)}
          error={fields.title}
          required
        />
        <Textarea
          label={intl.formatMessage({ id: "resources.translate.summaryLabel", defaultMessage: "Summary" })}
          description={english(original.summary)}
          autosize
          minRows={2}
          lang={lang}
          value={summary}
          onChange={(e) => setSummary(e.currentTarget.value)}
          error={fields.summary}
        />
        <Textarea
          label={intl.formatMessage({
            id: "resources.translate.bodyLabel",
            defaultMessage: "Text (Markdown)",
          })}
          description={intl.formatMessage({
            id: "resources.translate.bodyHelp",
            defaultMessage: "Keep the headings, lists and links of the English.",
          })}
          autosize
          minRows={6}
          maxRows={20}
          lang={lang}
          value={body}
          onChange={(e) => setBody(e.currentTarget.value)}
          error={fields.body}
        />
        {(save.isError || remove.isError) && <ErrorAlert error={save.error ?? remove.error} />}
        {save.isSuccess && !save.isPending && (
          <Text size="sm" c="table.8" role="status">
            <FormattedMessage id="resources.translate.saved" defaultMessage="Translation saved." />
          </Text>
        )}
        <Group gap="sm">
          <Button type="submit" loading={save.isPending}>
            <FormattedMessage id="resources.translate.save" defaultMessage="Save the translation" />
          </Button>
          {saved && (
            <Button variant="default" color="red" loading={remove.isPending} onClick={() => remove.mutate()}>
              <FormattedMessage id="resources.translate.remove" defaultMessage="Remove the translation" />
            </Button>
          )}
        </Group>
      </Stack>
    </form>
  );
}

/** For community admins: the resource in each other language the app speaks. */
export function TranslationsPanel({ resource }: { resource: Resource }) {
  const [tab, setTab] = useState<string | null>(translatable[0] ?? null);
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="translations-heading">
      <Title order={2} fz="lg" id="translations-heading" mb="xs">
        <FormattedMessage id="resources.translate.heading" defaultMessage="Translations" />
      </Title>
      <Tabs value={tab} onChange={setTab}>
        <Tabs.List>
          {translatable.map((lang) => (
            <Tabs.Tab key={lang} value={lang} lang={lang}>
              {LOCALE_NAMES[lang]}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {translatable.map((lang) => (
          <Tabs.Panel key={lang} value={lang} pt="sm">
            <TranslationForm
              key={resource.translations?.find((t) => t.lang === lang)?.updatedAt ?? "new"}
              resource={resource}
              lang={lang}
            />
          </Tabs.Panel>
        ))}
      </Tabs>
    </Card>
  );
}
