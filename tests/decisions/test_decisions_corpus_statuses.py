"""The status a human reads in every file of the shared ADR corpus (../shared/corpus/adr).

One row per file, stated by hand: the leading status word normalised by the documented status map,
the rest of the status line in brackets as the qualifier, "not stated" when the record says nothing,
and "not a record: ..." for templates, index pages and annexes. Run this file to print the summary
table (records and statuses by source format) for reports.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import pytest

from opsbook.decisions.load import load_decisions
from opsbook.problems import ProblemLog
from opsbook.settings import Settings

CORPUS = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "adr"

# fmt: off
HUMAN_READS: dict[str, str] = {
    # adr-madr
    "adr-madr/0000-use-markdown-architectural-decision-records.md": "not stated",
    "adr-madr/0001-use-CC0-or-MIT-as-license.md": "not stated",
    "adr-madr/0002-do-not-use-numbers-in-headings.md": "not stated",
    "adr-madr/0003-provide-own-madr-tools.md": "proposed",
    "adr-madr/0004-write-own-toc-tool.md": "not stated",
    "adr-madr/0005-use-dashes-in-filenames.md": "not stated",
    "adr-madr/0006-use-names-as-identifier.md": "not stated",
    "adr-madr/0007-do-not-emphasize-line-headings.md": "not stated",
    "adr-madr/0008-add-status-field.md": "not stated",
    "adr-madr/0009-support-links-between-adrs-inside-an-adrs.md": "not stated",
    "adr-madr/0010-support-categories.md": "not stated",
    "adr-madr/0011-use-asterisk-as-list-marker.md": "not stated",
    "adr-madr/0012-use-curly-braces-to-denote-placeholder.md": "not stated",
    "adr-madr/0013-use-yaml-front-matter-for-meta-data.md": "not stated",
    "adr-madr/0014-allow-neutral-arguments.md": "not stated",
    "adr-madr/0015-include-consulting-informed-of-raci.md": "not stated",
    "adr-madr/0016-outcome-before-detailed-pros-cons.md": "not stated",
    "adr-madr/0017-use-same-format-for-outcomes-and-options.md": "not stated",
    "adr-madr/0018-use-confirmation-as-heading.md": "not stated",
    "adr-madr/adr-template.md": "not a record: template",
    "adr-madr/index.md": "not a record: index",
    # adr-madr-templates
    "adr-madr-templates/0000-use-markdown-architectural-decision-records.md": "not stated",
    "adr-madr-templates/README.md": "not a record: index",
    "adr-madr-templates/adr-template-bare-minimal.md": "not a record: template",
    "adr-madr-templates/adr-template-bare.md": "not a record: template",
    "adr-madr-templates/adr-template-minimal.md": "not a record: template",
    "adr-madr-templates/adr-template.md": "not a record: template",
    # alphagov-govuk-aws
    "alphagov-govuk-aws/0001-record-architecture-decisions.md": "accepted",
    "alphagov-govuk-aws/0002-hosting-platforms.md": "accepted",
    "alphagov-govuk-aws/0003-aws-networking-outline.md": "accepted",
    "alphagov-govuk-aws/0004-dns-definitions-for-hosts-and-services.md": "superseded",
    "alphagov-govuk-aws/0005-terraform-module-location.md": "accepted",
    "alphagov-govuk-aws/0006-puppet-architecture.md": "proposed",
    "alphagov-govuk-aws/0007-puppet-cert-management.md": "accepted",
    "alphagov-govuk-aws/0008-postgres-on-puppetmaster.md": "accepted",
    "alphagov-govuk-aws/0009-environment-bootstrapping-process.md": "proposed",
    "alphagov-govuk-aws/0010-terraform-directory-structure.md": "accepted",
    "alphagov-govuk-aws/0011-migration-strategy.md": "accepted",
    "alphagov-govuk-aws/0012-security-groups-in-terraform.md": "accepted",
    "alphagov-govuk-aws/0013-userdata-provisioning-snippets.md": "proposed",
    "alphagov-govuk-aws/0014-launch-config-change-propagation-process.md": "accepted",
    "alphagov-govuk-aws/0015-dns-infrastructure.md": "accepted",
    "alphagov-govuk-aws/0016-internal-dns-zones.md": "accepted",
    "alphagov-govuk-aws/0017-terraform-data-structure.md": "accepted",
    "alphagov-govuk-aws/0018-use-rds-instead-of-provisioned-ec2-databases.md": "accepted",
    "alphagov-govuk-aws/0019-centralise-mysql-databases.md": "accepted",
    "alphagov-govuk-aws/0020-merge-api-postgresql-instance-into-main-postgresql-instance.md": "accepted",
    "alphagov-govuk-aws/0021-use-acm-for-ssl-purchases-and-terminate-certificates-on-elbs.md": "accepted",
    "alphagov-govuk-aws/0022-remove-the-elasticsearch-proxy.md": "accepted",
    "alphagov-govuk-aws/0023-use-separate-data-repository.md": "accepted",
    "alphagov-govuk-aws/0024-ami-lookups.md": "accepted",
    "alphagov-govuk-aws/0025-use-elasticache-for-redis.md": "accepted",
    "alphagov-govuk-aws/0026-remove-load-balancer-tier.md": "accepted",
    "alphagov-govuk-aws/0027-move-publicapi-away-from-frontend-lb.md": "accepted",
    "alphagov-govuk-aws/0028-combine-api-mongo-cluster-into-mongo-cluster.md": "accepted",
    "alphagov-govuk-aws/0029-combine-api-redis-into-backend-redis.md": "accepted",
    "alphagov-govuk-aws/0030-change-in-architecture-to-asset-master.md": "accepted",
    "alphagov-govuk-aws/0031-security-group-naming.md": "proposed",
    "alphagov-govuk-aws/0032-transfer-artefact-binary.md": "accepted",
    "alphagov-govuk-aws/0033-ip-ranges.md": "proposed",
    "alphagov-govuk-aws/0035-bouncer-load-balancer-on-port-80-and-443.md": "proposed",
    "alphagov-govuk-aws/0036-performance-platform-and-backdrop-architecture.md": "proposed",
    "alphagov-govuk-aws/0037-alb-health-checks.md": "accepted",
    "alphagov-govuk-aws/0038-mongo_replacement_by_documentdb.md": "accepted",
    "alphagov-govuk-aws/0039-non-govuk-domain-policy.md": "accepted",
    # arachne-framework
    "arachne-framework/adr-001-use-adrs.md": "accepted",
    "arachne-framework/adr-002-configuration.md": "proposed",
    "arachne-framework/adr-003-config-implementation.md": "proposed",
    "arachne-framework/adr-004-module-loading.md": "proposed",
    "arachne-framework/adr-005-user-facing-config.md": "proposed",
    "arachne-framework/adr-006-core-runtime.md": "proposed",
    "arachne-framework/adr-007-configuration-updates.md": "proposed",
    "arachne-framework/adr-008-abstract-modules.md": "proposed",
    "arachne-framework/adr-009-datomic-config-ontology.md": "proposed",
    "arachne-framework/adr-010-persistent-configs.md": "proposed",
    "arachne-framework/adr-011-asset-pipeline.md": "proposed",
    "arachne-framework/adr-012-additional-validation.md": "proposed",
    "arachne-framework/adr-013-error-reporting.md": "proposed",
    "arachne-framework/adr-014-project-templates.md": "proposed",
    "arachne-framework/adr-015-data-abstraction-model.md": "proposed",
    "arachne-framework/adr-016-db-migrations.md": "proposed",
    "arachne-framework/adr-017-simplify-chimera-model.md": "proposed",
    # eclipse-edc-connector
    "eclipse-edc-connector/2022-02-03-integration-testing/README.md": "not stated",
    "eclipse-edc-connector/2022-02-07-micrometer-metrics/README.md": "not stated",
    "eclipse-edc-connector/2022-02-07-tracing/README.md": "not stated",
    "eclipse-edc-connector/2022-02-14-helm-chart/README.md": "not stated",
    "eclipse-edc-connector/2022-03-01-serverless-transfers/README.md": "not stated",
    "eclipse-edc-connector/2022-03-02-performance-tests/README.md": "not stated",
    "eclipse-edc-connector/2022-03-14-cloud-testing/README.md": "not stated",
    "eclipse-edc-connector/2022-03-14-dependency-analysis/README.md": "not stated",
    "eclipse-edc-connector/2022-03-15-policy-scopes/README.md": "not stated",
    "eclipse-edc-connector/2022-03-15-swagger-annotations/README.md": "not stated",
    "eclipse-edc-connector/2022-03-30-cosmosdb-lease-mechanism/README.md": "not stated",
    "eclipse-edc-connector/2022-04-21-dpf-blob-data-transfer/README.md": "not stated",
    "eclipse-edc-connector/2022-06-02-ids-serializer/README.md": "not stated",
    "eclipse-edc-connector/2022-06-03-event-framework/README.md": "not stated",
    "eclipse-edc-connector/2022-06-09-shared-clock/README.md": "not stated",
    "eclipse-edc-connector/2022-06-19-json-web-token/README.md": "not stated",
    "eclipse-edc-connector/2022-07-04-type-manager/README.md": "not stated",
    "eclipse-edc-connector/2022-07-05-ids-requests-pagination/README.md": "not stated",
    "eclipse-edc-connector/2022-07-22-simplify-fcc/README.md": "not stated",
    "eclipse-edc-connector/2022-07-27-custom-dto-validation/README.md": "not stated",
    "eclipse-edc-connector/2022-07-28-transfer-process-new-state/README.md": "not stated",
    "eclipse-edc-connector/2022-08-01-entity-timestamp/README.md": "not stated",
    "eclipse-edc-connector/2022-08-04-async-code-testing-practices/README.md": "not stated",
    "eclipse-edc-connector/2022-08-04-documentation-automation/README.md": "not stated",
    "eclipse-edc-connector/2022-08-09-project-structure-review/README.md": "not stated",
    "eclipse-edc-connector/2022-08-17-remove_h2_database_tests/README.md": "not stated",
    "eclipse-edc-connector/2022-09-01-google-cloud-storage-integration/README.md": "not stated",
    "eclipse-edc-connector/2022-09-18-ids-catalog-request-filtering/README.md": "not stated",
    "eclipse-edc-connector/2022-09-23-extract-metamodel-and-autodoc/README.md": "not stated",
    "eclipse-edc-connector/2022-09-29-sql-query-streaming/README.md": "not stated",
    "eclipse-edc-connector/2022-10-31-aggregate-service-layer/README.md": "not stated",
    "eclipse-edc-connector/2022-11-09-api-refactoring/README.md": "not stated",
    "eclipse-edc-connector/2022-11-09-api-refactoring/documentation.md": "not a record: annex",
    "eclipse-edc-connector/2022-11-09-api-refactoring/renaming.md": "not a record: annex",
    "eclipse-edc-connector/2022-12-05-edc-http-client/README.md": "not stated",
    "eclipse-edc-connector/2022-12-07-transaction-synchronization/README.md": "not stated",
    "eclipse-edc-connector/2023-02-22-contract-definition-validation/README.md": "not stated",
    "eclipse-edc-connector/2023-02-22-update-entities/README.md": "not stated",
    "eclipse-edc-connector/2023-02-27-dataspace-protocol-transferprocess-state-transitions/README.md": "not stated",
    "eclipse-edc-connector/2023-02-28-processing-callbacks/README.md": "not stated",
    "eclipse-edc-connector/2023-03-02_entity_store_refactoring/README.md": "not stated",
    "eclipse-edc-connector/2023-03-09-event-framework-refactoring/README.md": "not stated",
    "eclipse-edc-connector/2023-03-27_private_properties/README.md": "not stated",
    "eclipse-edc-connector/2023-04-18-api-controllers-testing/README.md": "not stated",
    "eclipse-edc-connector/2023-05-17-delete-helm-charts/README.md": "not stated",
    "eclipse-edc-connector/2023-06-02-separating_plugins_and_metamodel/README.md": "not stated",
    "eclipse-edc-connector/2023-06-05-validation-engine/README.md": "not stated",
    "eclipse-edc-connector/2023-06-30-allow-use-of-testcontainers/README.md": "not stated",
    "eclipse-edc-connector/2023-07-19-sync-commands/README.md": "not stated",
    "eclipse-edc-connector/2023-07-20-state-machine-guards/README.md": "not stated",
    "eclipse-edc-connector/2023-08-01-default-datasource/README.md": "not stated",
    "eclipse-edc-connector/2023-08-07-generic-properties/README.md": "not stated",
    "eclipse-edc-connector/2023-09-07-policy-monitor/README.md": "not stated",
    "eclipse-edc-connector/2023-10-04-json-ld-scopes/README.md": "not stated",
    "eclipse-edc-connector/2023-11-09-api-versioning/README.md": "not stated",
    "eclipse-edc-connector/2023-11-20-transfer-type/README.md": "not stated",
    "eclipse-edc-connector/2023-11-27-refactor-protocol-services/README.md": "not stated",
    "eclipse-edc-connector/2023-12-12-dataplane-signaling/README.md": "not stated",
    "eclipse-edc-connector/2023-12-19-token-handling-refactor/README.md": "not stated",
    "eclipse-edc-connector/2024-01-12-dynamic-constraint-functions/README.md": "not stated",
    "eclipse-edc-connector/2024-05-24-dataplane-selection-improvements/README.md": "not stated",
    "eclipse-edc-connector/2024-06-24-api-authentication-configuration/README.md": "not stated",
    "eclipse-edc-connector/2024-07-03-additional-catalogrequest-param/README.md": "not stated",
    "eclipse-edc-connector/2024-08-05-custom-jwssigners/README.md": "not stated",
    "eclipse-edc-connector/2024-08-16-policy-validation/README.md": "not stated",
    "eclipse-edc-connector/2024-09-24-sts-accounts-api/README.md": "not stated",
    "eclipse-edc-connector/2024-09-25-multiple-protocol-versions/README.md": "not stated",
    "eclipse-edc-connector/2024-10-02-clustered-data-plane/README.md": "not stated",
    "eclipse-edc-connector/2024-10-05-typed-policy-context/README.md": "not stated",
    "eclipse-edc-connector/2024-10-10-daps-deprecation/README.md": "not stated",
    "eclipse-edc-connector/2024-10-24-bidirectional-data-transfers/README.md": "not stated",
    "eclipse-edc-connector/2024-11-06-configuration-injection/README.md": "not stated",
    "eclipse-edc-connector/2024-11-19-transformer-version-scheme/README.md": "not stated",
    "eclipse-edc-connector/2025-01-17-key-management-improvement/README.md": "not stated",
    "eclipse-edc-connector/2025-01-21-multiple-protocol-webhooks/README.md": "not stated",
    "eclipse-edc-connector/2025-01-28-async-protocol-message-processing/README.md": "not stated",
    "eclipse-edc-connector/2025-02-05-state-machine-retry-processor-refactor/README.md": "not stated",
    "eclipse-edc-connector/2025-02-06-hashicorp-vault-authentication-refactor/README.md": "not stated",
    "eclipse-edc-connector/2025-02-06-object_mutability_and_copying/README.md": "not stated",
    "eclipse-edc-connector/2025-02-07-http-proxy-data-plane-deprecation/README.md": "not stated",
    "eclipse-edc-connector/2025-02-27-move-provisioning-phase-data-plane/README.md": "not stated",
    "eclipse-edc-connector/2025-03-14-prioritized-transfer-services/README.md": "not stated",
    "eclipse-edc-connector/2025-03-17-retry-processor-on-dataflow-completion/README.md": "not stated",
    "eclipse-edc-connector/2025-04-25-agreement-policy-scope/README.md": "not stated",
    "eclipse-edc-connector/2025-04-30-finalize-phase/README.md": "not stated",
    "eclipse-edc-connector/2025-05-28-dataspace-profile-context/README.md": "not stated",
    "eclipse-edc-connector/2025-06-20-listeners-pre-methods/README.md": "not stated",
    "eclipse-edc-connector/2025-07-09-embed-data-plane-selector/README.md": "not stated",
    "eclipse-edc-connector/2025-07-25-multiple-participant-identifiers/README.md": "not stated",
    "eclipse-edc-connector/2025-08-01-json-schema-adoption/README.md": "not stated",
    "eclipse-edc-connector/2025-08-26-participant-context/README.md": "not stated",
    "eclipse-edc-connector/2025-10-03-contract-agreement-changes/README.md": "not stated",
    "eclipse-edc-connector/2025-10-15-participant-context-config/README.md": "not stated",
    "eclipse-edc-connector/2025-10-22-e2e-testing-improvements/README.md": "not stated",
    "eclipse-edc-connector/2025-10-29-participant-identifiers/README.md": "not stated",
    "eclipse-edc-connector/2025-11-10-presentation-request-service/README.md": "not stated",
    "eclipse-edc-connector/2026-01-08-inline-data-flow-manager/README.md": "not stated",
    "eclipse-edc-connector/2026-01-27-adopt-cel-expressions/README.md": "not stated",
    "eclipse-edc-connector/2026-01-30-dynamic-dcp-scopes/README.md": "not stated",
    "eclipse-edc-connector/2026-02-10-data-plane-selector-manager-dismission/README.md": "not stated",
    "eclipse-edc-connector/2026-04-09-edr-cache-deprecation/README.md": "not stated",
    "eclipse-edc-connector/2026-05-11-multi-profile-virtual-connector/README.md": "not stated",
    "eclipse-edc-connector/2026-06-06-scope-based-api-authorization/README.md": "not stated",
    "eclipse-edc-connector/2026-06-10-remove-dispatcher-registry/README.md": "not stated",
    "eclipse-edc-connector/2026-06-18-lib-module-consolidation/README.md": "not stated",
    "eclipse-edc-connector/2026-06-18-spi-module-consolidation/README.md": "not stated",
    "eclipse-edc-connector/2026-07-24-transformers-registry/README.md": "not stated",
    "eclipse-edc-connector/2026-07-29-jsonld-single-pass-deserialization/README.md": "not stated",
    "eclipse-edc-connector/README.md": "not a record: index",
    # log4brains
    "log4brains/20200924-use-markdown-architectural-decision-records.md": "accepted",
    "log4brains/20200925-multi-packages-architecture-in-a-monorepo-with-yarn-and-lerna.md": "accepted",
    "log4brains/20200925-use-prettier-eslint-airbnb-for-the-code-style.md": "accepted",
    "log4brains/20200926-use-the-adr-number-as-its-unique-id.md": "superseded",
    "log4brains/20200927-avoid-default-exports.md": "accepted",
    "log4brains/20201016-use-the-adr-slug-as-its-unique-id.md": "accepted",
    "log4brains/20201026-the-core-api-is-responsible-for-enhancing-the-adr-markdown-body-with-mdx.md": "accepted",
    "log4brains/20201103-use-lunr-for-search.md": "accepted",
    "log4brains/20210113-distribute-log4brains-as-a-global-npm-package.md": "accepted",
    "log4brains/README.md": "not a record: index",
    "log4brains/index.md": "not a record: index",
    "log4brains/packages-core/20201002-use-explicit-architecture-and-ddd-for-the-core-api.md": "accepted",
    "log4brains/packages-core/20201003-markdown-parsing-is-part-of-the-domain.md": "accepted",
    "log4brains/packages-core/20201027-adr-link-resolver-in-the-domain.md": "accepted",
    "log4brains/template.md": "not a record: template",
    # log4brains-test-fixtures
    "log4brains-test-fixtures/docs/adr/20200101-first-adr.md": "accepted",
    "log4brains-test-fixtures/docs/adr/20200102-adr-only-with-date.md": "not stated",
    "log4brains-test-fixtures/docs/adr/20200102-adr-with-intro.md": "accepted",
    "log4brains-test-fixtures/docs/adr/20200102-adr-without-status.md": "not stated",
    "log4brains-test-fixtures/docs/adr/20200102-adr-without-title.md": "not stated",
    "log4brains-test-fixtures/docs/adr/20201028-adr-with-no-metadata-no-title.md": "not stated",
    "log4brains-test-fixtures/docs/adr/20201028-adr-with-no-metadata.md": "not stated",
    "log4brains-test-fixtures/docs/adr/20201028-adr-without-date.md": "accepted",
    "log4brains-test-fixtures/docs/adr/20201028-links.md": "not stated",
    "log4brains-test-fixtures/docs/adr/20201028-superseded-adr.md": "superseded",
    "log4brains-test-fixtures/docs/adr/20201029-proposed-adr.md": "proposed",
    "log4brains-test-fixtures/docs/adr/20201029-rejected-adr.md": "rejected",
    "log4brains-test-fixtures/docs/adr/20201029-superseder.md": "accepted",
    "log4brains-test-fixtures/docs/adr/20201030-draft-adr.md": "proposed",
    "log4brains-test-fixtures/docs/adr/adr_with_a_WeIrd-filename.md": "accepted",
    "log4brains-test-fixtures/docs/adr/template.md": "not a record: template",
    "log4brains-test-fixtures/packages/package1/adr/20200101-first-adr.md": "accepted",
    "log4brains-test-fixtures/packages/package1/adr/20201028-adr-without-date.md": "accepted",
    "log4brains-test-fixtures/packages/package1/adr/20201028-links-in-package.md": "not stated",
    "log4brains-test-fixtures/packages/package1/adr/20201028-links-to-global.md": "not stated",
    "log4brains-test-fixtures/packages/package1/adr/template.md": "not a record: template",
    "log4brains-test-fixtures/packages/package2/adr/20201028-links-to-another-package.md": "not stated",
}
# fmt: on


def what_opsbook_reads(corpus: Path = CORPUS) -> dict[str, str]:
    """Every Markdown file of every corpus folder, as opsbook reads it, in the HUMAN_READS notation."""
    out: dict[str, str] = {}
    for folder in sorted(p for p in corpus.iterdir() if p.is_dir()):
        found = load_decisions(Settings(root=corpus, decisions=(folder.name,)), ProblemLog())
        for d in found.records:
            status = d.status or "not stated"
            out[d.file] = f"{status} ({d.status_qualifier})" if d.status_qualifier else status
        for s in found.skipped:
            kind = next((k for k in ("template", "index", "annex") if k in s.reason), s.reason)
            out[s.file] = f"not a record: {kind}"
    return out


def summary(readings: dict[str, str], corpus: Path = CORPUS) -> str:
    """Markdown table: per folder, files, records and the statuses read (by source format)."""
    rows = ["| Folder | Format | Files | Records | Statuses | Read as |", "|---|---|---:|---:|---|---|"]
    totals: Counter[str] = Counter()
    kinds_total: Counter[str] = Counter()
    for folder in sorted(p for p in corpus.iterdir() if p.is_dir()):
        found = load_decisions(Settings(root=corpus, decisions=(folder.name,)), ProblemLog())
        formats = ", ".join(sorted({d.source_format for d in found.records}))
        statuses = Counter(readings[d.file].split(" (")[0] for d in found.records)
        kinds = Counter(d.status_kind for d in found.records)
        totals.update(statuses)
        kinds_total.update(kinds)
        rows.append(
            f"| {folder.name} | {formats} | {len(found.files)} | {len(found.records)} | {_counts(statuses)} "
            f"| {_counts(kinds)} |"
        )
    files = sum(1 for _ in readings)
    records = sum(totals.values())
    rows.append(f"| **total** | | {files} | {records} | {_counts(totals)} | {_counts(kinds_total)} |")
    return "\n".join(rows)


def _counts(counter: Counter[str]) -> str:
    return ", ".join(f"{k} {v}" for k, v in sorted(counter.items(), key=lambda kv: (-kv[1], kv[0])))


@pytest.mark.skipif(not CORPUS.is_dir(), reason="corpus not present")
def test_every_corpus_file_reads_as_a_human_reads_it() -> None:
    got = what_opsbook_reads()
    assert set(got) == set(HUMAN_READS), "files added to or gone from the corpus: state how a human reads them"
    wrong = {f: (HUMAN_READS[f], got[f]) for f in HUMAN_READS if got[f] != HUMAN_READS[f]}
    assert wrong == {}, "file: (a human reads, opsbook reads)"


@pytest.mark.skipif(not CORPUS.is_dir(), reason="corpus not present")
def test_no_corpus_status_is_left_unrecognised() -> None:
    vocabulary = {"proposed", "accepted", "rejected", "deprecated", "superseded", "not stated"}
    statuses = {v.split(" (")[0] for v in HUMAN_READS.values() if not v.startswith("not a record")}
    assert statuses <= vocabulary
    assert "| **total** | | 228 | 213 |" in summary(HUMAN_READS)


if __name__ == "__main__":
    print(summary(what_opsbook_reads(Path(sys.argv[1]) if len(sys.argv) > 1 else CORPUS)))
