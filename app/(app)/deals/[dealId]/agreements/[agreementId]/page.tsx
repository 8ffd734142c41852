import { getLocale, getTranslations } from 'next-intl/server';
import { type BadgeTone } from '@/components/ui/variants';
import { ButtonLink } from '@/components/ui/button';
import { Badge } from '@/components/ui/badge';
import { Code } from '@/components/ui/code';
import Link from 'next/link';
import { TableSection } from '@/components/ui/table-section';
import type { ReactNode } from 'react';
import { AgreementCrumbs } from '@/components/agreements/agreement-crumbs';
import { AgreementTabs } from '@/components/agreements/agreement-tabs';
import { AuditTable } from '@/components/agreements/audit-table';
import { SignForm } from '@/components/agreements/sign-form';
import { AmendmentsSection } from '@/components/agreements/amendments-section';
import { formatAmount, formatDateTime } from '@/lib/domain/format';
import { isLocale } from '@/lib/domain/locale';
import { getAgreement } from '@/lib/server/agreements/get-agreement';
import { orNotFound, pageContext } from '@/lib/server/http/page-context';
import { Notice } from '@/components/ui/notice';
import { formatNames } from '@/lib/domain/format-names';

const stateTone: Record<string, BadgeTone> = { DRAFT: 'warning', ARCHIVED: 'success', VOID: 'neutral' };

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="grid grid-cols-3 gap-2 py-1">
      <dt className="text-slate-500">{label}</dt>
      <dd className="col-span-2">{children}</dd>
    </div>
  );
}

/** Thousands grouped without passing the digits through a JavaScript number. */
function grouped(decimal: string): string {
  const [whole = '0', fraction] = decimal.split('.');
  return `${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${fraction ? `.${fraction}` : ''}`;
}

function entries(value: unknown): [string, string][] {
  return value && typeof value === 'object' && !Array.isArray(value) ? Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, String(v)]) : [];
}

export default async function AgreementPage({ params }: { params: Promise<{ dealId: string; agreementId: string }> }) {
  const { dealId, agreementId } = await params;
  const { actor, origin } = await pageContext();
  const agreement = await orNotFound(getAgreement({ actor, origin, dealId, agreementId }));
  const [t, locale] = await Promise.all([getTranslations(), getLocale()]);
  const lang = isLocale(locale) ? locale : 'zh';
  const zh = lang === 'zh';
  const money = (wholeCurrency: string) => formatAmount(wholeCurrency, lang, { scale: actor.amountUnit });
  const when = (iso: string) => formatDateTime(new Date(iso), lang);
  const terms = agreement.terms;
  const formulas = Array.isArray(terms?.formulas) ? (terms.formulas as { name?: unknown; expr?: unknown }[]) : [];
  const pdfHref = `/api/v1/deals/${dealId}/agreements/${agreement.id}/pdf`;

  return (
    <div className="space-y-6">
      <AgreementCrumbs dealId={dealId} dealName={zh ? agreement.deal.nameZh : agreement.deal.name} navigation={agreement.navigation} />

      <div className="flex flex-wrap items-baseline gap-3">
        <h1 className="text-2xl font-semibold text-water-900" data-testid="agreement-title">
          {t('agreements.heading', { number: agreement.number })}
        </h1>
        <span data-testid="agreement-status" data-status={agreement.status}>
          <Badge tone={stateTone[agreement.status] ?? 'neutral'}>{t(`agreements.state.${agreement.status}`)}</Badge>
        </span>
        <span className="text-sm text-slate-600">{t('agreements.signedCount', agreement.signatures)}</span>
        <ButtonLink href={pdfHref} intent="quiet" className="ml-auto" testId="pdf-link" download>
          {t('agreements.pdf', formatNames)}
        </ButtonLink>
      </div>
      <AgreementTabs dealId={dealId} agreementId={agreement.id} navigation={agreement.navigation} />

      {agreement.hashVerified === false && (
        <Notice tone="alarm" size="lg" testId="hash-mismatch">
          <p className="font-semibold">
            {!agreement.hash ? t('agreements.hashMissing') : agreement.hash === agreement.recomputedHash ? t('agreements.hashAuditMismatch') : t('agreements.hashMismatch')}
          </p>
          <dl className="mt-2 space-y-1 font-mono text-xs break-all">
            <div>
              <dt className="inline font-sans">{t('agreements.hashStored')}: </dt>
              <dd className="inline">{agreement.hash ?? '—'}</dd>
            </div>
            <div>
              <dt className="inline font-sans">{t('agreements.hashRecomputed')}: </dt>
              <dd className="inline">{agreement.recomputedHash}</dd>
            </div>
            <div>
              <dt className="inline font-sans">{t('agreements.hashAudited')}: </dt>
              <dd className="inline" data-testid="hash-audited">
                {agreement.auditedHash ?? '—'}
              </dd>
            </div>
          </dl>
        </Notice>
      )}

      {agreement.awaitingMySignature && <SignForm dealId={dealId} agreementId={agreement.id} />}
      {agreement.status === 'DRAFT' && agreement.me.isSignatory && !agreement.me.hasSigned && !agreement.me.maySign && (
        <Notice tone="warning" role={undefined}>
          {t('agreements.lostRight')}
        </Notice>
      )}
      {agreement.me.hasSigned && (
        <Notice tone="success" testId="you-signed">
          {t('agreements.youSigned', { time: when(agreement.signatories.find((s) => s.userId === actor.id)!.signedAt!) })}
        </Notice>
      )}

      <div className="grid gap-6 lg:grid-cols-2">
        <section className="rounded-lg border border-slate-200 bg-white p-4">
          <dl className="text-sm">
            <Row label={t('agreements.deal')}>{zh ? agreement.deal.nameZh : agreement.deal.name}</Row>
            <Row label={t('agreements.watershed')}>{zh ? agreement.deal.watershedZh : agreement.deal.watershed}</Row>
            <Row label={t('agreements.term')}>
              <span className="num">
                {agreement.startYear}–{agreement.endYear}
              </span>
            </Row>
            <Row label={t('agreements.amounts')}>
              {t('agreements.amountsValue', { currency: agreement.currency, priceBase: agreement.priceBase, unit: agreement.unit.toLocaleString(zh ? 'zh-CN' : 'en-US') })}
            </Row>
            <Row label={t('agreements.version')}>
              <Link href={`/deals/${dealId}/versions/${agreement.version.id}`} className="text-water-700 hover:underline" data-testid="version-link">
                {agreement.version.scenarioName ? t('agreements.versionValue', { name: agreement.version.scenarioName, number: agreement.version.number ?? '?' }) : agreement.version.id}
              </Link>
              <div className="font-mono text-xs break-all text-slate-500" title="SHA-256">
                {agreement.version.documentHash}
              </div>
            </Row>
            <Row label={t('agreements.offer')}>
              {t('agreements.offerValue', { number: agreement.offerNumber })} ·{' '}
              <Link href={`/deals/${dealId}/offers`} className="text-water-700 hover:underline" data-testid="offer-history-link">
                {t('agreements.offerHistory')}
              </Link>
            </Row>
            <Row label={t('agreements.draftedAt')}>
              <span className="num">{when(agreement.draftedAt)}</span>
            </Row>
            {agreement.archivedAt && (
              <Row label={t('agreements.archivedAt')}>
                <span className="num">{when(agreement.archivedAt)}</span>
              </Row>
            )}
          </dl>
        </section>

        <section className="rounded-lg border border-slate-200 bg-white p-4" data-testid="parties">
          <h2 className="font-semibold">{t('agreements.parties')}</h2>
          <ul className="mt-3 space-y-2 text-sm">
            {agreement.parties.map((party) => (
              <li key={party.side} className="flex flex-wrap gap-x-2">
                <span className="w-24 text-slate-500">{t(`side.${party.side}`)}</span>
                <span className="font-medium">{party.organisations.map((o) => (zh ? o.nameZh : o.name)).join(zh ? '、' : ', ')}</span>
              </li>
            ))}
          </ul>
          <p className="mt-3 text-sm text-slate-600">{t('agreements.direction')}</p>
        </section>
      </div>

      <TableSection
        title={t('agreements.schedule')}
        testId="schedule"
        columns={[{ label: t('agreements.years') }, { label: t('agreements.perYear'), numeric: true }, { label: t('agreements.basis') }]}
        foot={
          <tr className="border-t-2 border-slate-300 font-medium">
            <td className="py-1 pr-3">{t('agreements.total')}</td>
            <td className="num py-1 pr-3 text-right" data-testid="total">
              {money(agreement.totalAmount)}
            </td>
            <td />
          </tr>
        }
      >
        {agreement.schedule.map((entry) => (
          <tr key={entry.from} className="border-t border-slate-100">
            <td className="num py-1 pr-3">{entry.from === entry.to ? entry.from : `${entry.from}–${entry.to}`}</td>
            <td className="num py-1 pr-3 text-right">{money(entry.perYear)}</td>
            <td className="num py-1 text-slate-600">
              {'amount' in entry
                ? t('agreements.basisAmount', { amount: grouped(entry.amount), unit: agreement.unit.toLocaleString(zh ? 'zh-CN' : 'en-US'), currency: agreement.currency })
                : t('agreements.basisPrice', { price: entry.pricePerM3, volume: grouped(entry.volume), currency: agreement.currency })}
            </td>
          </tr>
        ))}
      </TableSection>

      <section className="rounded-lg border border-slate-200 bg-white p-4" data-testid="terms">
        <h2 className="font-semibold">{t('agreements.terms')}</h2>
        {terms ? (
          <div className="mt-3 space-y-3 text-sm">
            <dl>
              <Row label={t('agreements.termsName')}>{String(terms.name ?? '—')}</Row>
              <Row label={t('agreements.termsYears')}>
                <span className="num">
                  {String(terms.from ?? '?')}–{String(terms.to ?? '?')}
                </span>
              </Row>
              <Row label={t('agreements.constants')}>
                <span className="text-xs">
                  {entries(terms.constants).length ? (
                    <Code>
                      {entries(terms.constants)
                        .map(([k, v]) => `${k} = ${v}`)
                        .join(' · ')}
                    </Code>
                  ) : (
                    '—'
                  )}
                </span>
              </Row>
              <Row label={t('agreements.indicators')}>
                <span className="text-xs">
                  {entries(terms.indicators).length
                    ? entries(terms.indicators).map(([k, v], i) => (
                        <span key={k}>
                          {i > 0 && ' · '}
                          {t.has(`indicator.${k}`) ? t(`indicator.${k}`) : <Code>{k}</Code>} ({v})
                        </span>
                      ))
                    : '—'}
                </span>
              </Row>
            </dl>
            <div>
              <h3 className="text-slate-500">{t('agreements.formulas')}</h3>
              <ol className="mt-1 space-y-1 text-xs">
                {formulas.map((formula, index) => (
                  <li key={index}>
                    <Code>
                      <span className="text-water-700">{String(formula.name ?? '')}</span> = {String(formula.expr ?? '')}
                    </Code>
                  </li>
                ))}
              </ol>
            </div>
            <p className="text-slate-600">{t('agreements.termsNote')}</p>
          </div>
        ) : (
          <p className="mt-3 text-sm text-slate-600">{t('agreements.noTerms')}</p>
        )}
      </section>

      <AmendmentsSection agreement={agreement} dealId={dealId} lang={lang} />

      <section className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 className="font-semibold">{t('agreements.signatories')}</h2>
        <p className="mt-1 text-sm text-slate-600">{t('agreements.signatoriesNote')}</p>
        <ul className="mt-3 divide-y divide-slate-100 text-sm" data-testid="signatories">
          {agreement.signatories.map((signatory) => (
            <li key={signatory.id} className="flex flex-wrap items-baseline gap-x-3 py-2" data-testid="signatory" data-signed={signatory.signedAt ? 'yes' : 'no'}>
              <span className="w-24 text-slate-500">{t(`side.${signatory.side}`)}</span>
              <span className="font-medium">
                {signatory.name}
                {signatory.userId === actor.id && <span className="ml-1 text-xs text-slate-500">({t('agreements.you')})</span>}
              </span>
              <span className="text-slate-600">{zh ? signatory.organisation.nameZh : signatory.organisation.name}</span>
              <span className="ml-auto">
                {signatory.signedAt ? (
                  <span className="num text-emerald-800" title={signatory.signedAt}>
                    ✓ {t('agreements.signedAt', { time: when(signatory.signedAt) })}
                  </span>
                ) : (
                  <span className="text-slate-500">{t('agreements.notSigned')}</span>
                )}
              </span>
            </li>
          ))}
        </ul>
      </section>

      <Notice
        as="section"
        tone={agreement.hashVerified === false ? 'alarm' : agreement.hashVerified ? 'success' : 'neutral'}
        size="lg"
        role={undefined}
        className="text-base"
        testId="hash"
        data-verified={agreement.hashVerified === null ? 'pending' : String(agreement.hashVerified)}
      >
        <h2 className="font-semibold">{t('agreements.hashTitle', formatNames)}</h2>
        {agreement.hash && (
          <p className="mt-2 font-mono text-sm break-all" data-testid="hash-value">
            {agreement.hash}
          </p>
        )}
        <p className={`mt-2 text-sm ${agreement.hashVerified === false ? 'font-semibold text-red-800' : agreement.hashVerified ? 'text-emerald-900' : 'text-slate-600'}`}>
          {agreement.hashVerified === null
            ? t('agreements.hashDraft')
            : agreement.hashVerified
              ? t('agreements.hashVerified')
              : agreement.hash
                ? t('agreements.hashMismatch')
                : t('agreements.hashMissing')}
        </p>
        {agreement.hash && (
          <p className="mt-2 text-sm text-slate-700">
            <ButtonLink href={`/api/v1/deals/${dealId}/agreements/${agreement.id}/canonical`} intent="link" testId="canonical-link" download>
              {t('agreements.canonicalDownload', formatNames)}
            </ButtonLink>{' '}
            {t('agreements.canonicalExplain', formatNames)}
          </p>
        )}
      </Notice>

      <section className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 className="font-semibold">{t('agreements.audit')}</h2>
        <p className="mt-1 text-sm text-slate-600">{t('agreements.auditNote')}</p>
        <AuditTable
          events={agreement.audit}
          lang={lang}
          unit={actor.amountUnit}
          testId="audit"
          labels={{ seq: t('agreements.auditCol.seq'), at: t('agreements.auditCol.at'), action: t('agreements.auditCol.action'), by: t('agreements.auditCol.by'), hash: t('agreements.auditCol.hash') }}
        />
      </section>
    </div>
  );
}
