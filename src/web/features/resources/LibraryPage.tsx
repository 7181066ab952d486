import {
  Anchor,
  Button,
  Card,
  Group,
  Pagination,
  Select,
  Stack,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { useState, type FormEvent } from "react";
import { FormattedMessage, useIntl } from "react-intl";
import { Link, useLocation, useSearchParams } from "react-router";
import {
  resourceAudienceLabels,
  resourceAudiences,
  resourceTopicLabels,
  resourceTopics,
} from "../../../core/resource-vocabulary.js";
import type { ResourceListItem } from "../../../core/resources.js";
import { stageLabels, stages } from "../../../core/vocabulary.js";
import { useMe } from "../auth/api.js";
import { ErrorAlert } from "../../components/ErrorAlert.js";
import { PageHeader } from "../../components/PageHeader.js";
import { PageSkeleton } from "../../components/PageSkeleton.js";
import { usePageTitle } from "../../lib/usePageTitle.js";
import { librarySearchState, useLibrary, type LibraryFilters } from "./api.js";
import { ResourceBadges } from "./ResourceBadges.js";
import { useLocale } from "../../i18n/LocaleProvider.js";
import { contentLocale } from "../../../core/i18n/locales.js";

const PAGE_SIZE = 20;

function ResultCard({ item, search }: { item: ResourceListItem; search: string }) {
  const { locale } = useLocale();
  // Not yet translated into the reader's language: its words are marked as the original's.
  const original = item.lang !== contentLocale(locale);
  return (
    <Card component="li" withBorder padding="md">
      <Stack gap={6}>
        <ResourceBadges kind={item.kind} stage={item.stage} topics={item.topics} />
        {original && (
          <Text size="xs" c="dimmed">
            <FormattedMessage
              id="resources.library.inOriginal"
              defaultMessage="Not translated yet: in English"
            />
          </Text>
        )}
        <Anchor
          lang={original ? item.lang : undefined}
          component={Link}
          to={`/resources/${item.slug}`}
          state={librarySearchState(search)}
          fw={700}
          fz="lg"
        >
          {item.title}
        </Anchor>
        {/* The server escapes the passage and adds only <mark> around the words found. */}
        <Text
          size="sm"
          className="search-highlight"
          lang={original ? item.lang : undefined}
          dangerouslySetInnerHTML={{ __html: item.highlight }}
        />
        {item.file && (
          <Text size="xs" c="dimmed">
            <FormattedMessage
              id="resources.library.attached"
              defaultMessage="Attached: {name}"
              values={{ name: item.file.name }}
            />
          </Text>
        )}
      </Stack>
    </Card>
  );
}

function readFilters(params: URLSearchParams): LibraryFilters {
  return {
    q: params.get("q") ?? "",
    stage: params.get("stage") ?? "",
    topic: params.get("topic") ?? "",
    audience: params.get("audience") ?? "",
    page: Math.max(1, Number(params.get("page") ?? 1) || 1),
  };
}

export default function LibraryPage() {
  const intl = useIntl();
  const title = intl.formatMessage({ id: "resources.library.title", defaultMessage: "Resource library" });
  usePageTitle(title);
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const { search: librarySearch } = useLocation();
  const filters = readFilters(params);
  const [text, setText] = useState(filters.q);
  const library = useLibrary(filters);

  const update = (changes: Partial<LibraryFilters>) => {
    const next = { ...filters, page: 1, ...changes };
    const out = new URLSearchParams();
    for (const [key, value] of Object.entries(next))
      if (value && !(key === "page" && value === 1)) out.set(key, String(value));
    setParams(out);
  };
  const search = (event: FormEvent) => {
    event.preventDefault();
    update({ q: text.trim() });
  };
  const pages = Math.ceil((library.data?.total ?? 0) / PAGE_SIZE);

  return (
    <Stack gap="lg">
      <PageHeader
        title={title}
        description={intl.formatMessage({
          id: "resources.library.description",
          defaultMessage:
            "Toolkit chapters, templates and examples from the Next Gen Community of Practice: what to do at each stage of a partnership, in plain words.",
        })}
        actions={
          me.data && (
            <Button component={Link} to="/resources/suggest" variant="default">
              <FormattedMessage id="resources.library.suggestButton" defaultMessage="Suggest a resource" />
            </Button>
          )
        }
      />
      <Card
        withBorder
        padding="md"
        component="section"
        aria-label={intl.formatMessage({
          id: "resources.library.filtersLabel",
          defaultMessage: "Search and filters",
        })}
      >
        <Stack gap="sm">
          <form role="search" onSubmit={search}>
            <Group align="flex-end" gap="sm">
              <TextInput
                label={intl.formatMessage({
                  id: "resources.library.searchLabel",
                  defaultMessage: "Search the library",
                })}
                placeholder={intl.formatMessage({
                  id: "resources.library.searchPlaceholder",
                  defaultMessage: "e.g. invitation letter, action team, retention",
                })}
                value={text}
                onChange={(e) => setText(e.currentTarget.value)}
                style={{ flex: 1, minWidth: 220 }}
                type="search"
              />
              <Button type="submit">
                <FormattedMessage id="resources.library.searchButton" defaultMessage="Search" />
              </Button>
            </Group>
          </form>
          <Group gap="sm" grow>
            <Select
              label={intl.formatMessage({ id: "resources.library.stageLabel", defaultMessage: "Stage" })}
              placeholder={intl.formatMessage({
                id: "resources.library.stagePlaceholder",
                defaultMessage: "Every stage",
              })}
              clearable
              value={filters.stage || null}
              onChange={(v) => update({ stage: v ?? "" })}
              data={stages.map((s) => ({ value: s, label: stageLabels[s] }))}
            />
            <Select
              label={intl.formatMessage({ id: "resources.library.topicLabel", defaultMessage: "Topic" })}
              placeholder={intl.formatMessage({
                id: "resources.library.topicPlaceholder",
                defaultMessage: "Every topic",
              })}
              clearable
              value={filters.topic || null}
              onChange={(v) => update({ topic: v ?? "" })}
              data={resourceTopics.map((t) => ({ value: t, label: resourceTopicLabels[t] }))}
            />
            <Select
              label={intl.formatMessage({ id: "resources.library.audienceLabel", defaultMessage: "For" })}
              placeholder={intl.formatMessage({
                id: "resources.library.audiencePlaceholder",
                defaultMessage: "Everyone",
              })}
              clearable
              value={filters.audience || null}
              onChange={(v) => update({ audience: v ?? "" })}
              data={resourceAudiences.map((a) => ({ value: a, label: resourceAudienceLabels[a] }))}
            />
          </Group>
        </Stack>
      </Card>
      <section aria-labelledby="results-heading" aria-busy={library.isFetching}>
        <Title order={2} fz="lg" id="results-heading" mb="sm">
          {library.data ? (
            filters.q ? (
              <FormattedMessage
                id="resources.library.countFor"
                defaultMessage="{count, plural, one {# resource} other {# resources}} for “{query}”"
                values={{ count: library.data.total, query: filters.q }}
              />
            ) : (
              <FormattedMessage
                id="resources.library.count"
                defaultMessage="{count, plural, one {# resource} other {# resources}}"
                values={{ count: library.data.total }}
              />
            )
          ) : (
            <FormattedMessage id="resources.library.resources" defaultMessage="Resources" />
          )}
        </Title>
        {library.isPending ? (
          <PageSkeleton
            label={intl.formatMessage({
              id: "resources.library.loading",
              defaultMessage: "Loading the library",
            })}
          />
        ) : library.isError ? (
          <ErrorAlert error={library.error} onRetry={() => void library.refetch()} />
        ) : library.data.items.length === 0 ? (
          <Text c="dimmed">
            <FormattedMessage
              id="resources.library.noMatch"
              defaultMessage="Nothing matches. Try fewer words or clear a filter."
            />
          </Text>
        ) : (
          <Stack component="ul" gap="sm" className="plain-list">
            {library.data.items.map((item) => (
              <ResultCard key={item.id} item={item} search={librarySearch} />
            ))}
          </Stack>
        )}
        {pages > 1 && (
          <Pagination
            mt="md"
            total={pages}
            value={filters.page}
            onChange={(page) => update({ page })}
            getControlProps={(control) => ({
              "aria-label": intl.formatMessage(
                {
                  id: "resources.library.pageControl",
                  defaultMessage:
                    "{control, select, first {first page} previous {previous page} next {next page} last {last page} other {{control} page}}",
                },
                { control },
              ),
            })}
          />
        )}
      </section>
    </Stack>
  );
}
