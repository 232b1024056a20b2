import { useTranslation } from 'react-i18next'
import { Field } from '../../components/Field'
import { type Draft, withValue } from './draft'

type Change = (draft: Draft) => void

export function TypesEditor({ draft, onChange }: { draft: Draft; onChange: Change }) {
  const { t } = useTranslation()
  const set = (index: number, key: 'name_nl' | 'support_hours_per_year' | 'hourly_rate', value: string) =>
    onChange({
      ...draft,
      family_types: draft.family_types.map((row, i) => (i === index ? { ...row, [key]: value } : row)),
    })
  return (
    <section className="card" aria-labelledby="bc-edit-types">
      <h2 id="bc-edit-types">{t('businessCase.editor.typesTitle')}</h2>
      {draft.family_types.map((row, index) => (
        <fieldset key={row.code}>
          <legend>{row.name_nl}</legend>
          <div className="bc-editor-grid">
            <Field label={t('businessCase.editor.typeName')} required>
              {(props) => (
                <input {...props} value={row.name_nl} onChange={(event) => set(index, 'name_nl', event.target.value)} />
              )}
            </Field>
            <Field label={t('businessCase.editor.hours')} required>
              {(props) => (
                <input
                  {...props}
                  inputMode="decimal"
                  value={row.support_hours_per_year}
                  onChange={(event) => set(index, 'support_hours_per_year', event.target.value)}
                />
              )}
            </Field>
            <Field label={t('businessCase.editor.rate')} required>
              {(props) => (
                <input
                  {...props}
                  inputMode="decimal"
                  value={row.hourly_rate}
                  onChange={(event) => set(index, 'hourly_rate', event.target.value)}
                />
              )}
            </Field>
          </div>
        </fieldset>
      ))}
    </section>
  )
}

export function FactorsEditor({ draft, onChange }: { draft: Draft; onChange: Change }) {
  const { t } = useTranslation()
  type Factor = Draft['cost_factors'][number]
  const update = (index: number, next: (row: Factor) => Factor) =>
    onChange({ ...draft, cost_factors: draft.cost_factors.map((row, i) => (i === index ? next(row) : row)) })
  return (
    <section className="card" aria-labelledby="bc-edit-factors">
      <h2 id="bc-edit-factors">{t('businessCase.editor.factorsTitle')}</h2>
      {draft.cost_factors.map((row, index) => (
        <details key={row.code} className="bc-breakdown">
          <summary>
            {row.name_nl} · € {row.unit_cost} / {t(`businessCase.unit.${row.unit}`)}
          </summary>
          <fieldset>
            <legend>{row.name_nl}</legend>
            <div className="bc-editor-grid">
              <Field label={t('businessCase.editor.factorName')} required>
                {(props) => (
                  <input
                    {...props}
                    value={row.name_nl}
                    onChange={(event) => update(index, (r) => ({ ...r, name_nl: event.target.value }))}
                  />
                )}
              </Field>
              <Field label={t('businessCase.editor.payer')} required>
                {(props) => (
                  <select
                    {...props}
                    value={row.payer}
                    onChange={(event) => update(index, (r) => ({ ...r, payer: event.target.value }))}
                  >
                    {draft.payers.map((payer) => (
                      <option key={payer.code} value={payer.code}>
                        {payer.name_nl}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              <Field label={t('businessCase.editor.unitCost')} required>
                {(props) => (
                  <input
                    {...props}
                    inputMode="decimal"
                    value={row.unit_cost}
                    onChange={(event) =>
                      update(index, (r) =>
                        withValue(r, 'unit_cost', 'unit_cost_low', 'unit_cost_high', event.target.value),
                      )
                    }
                  />
                )}
              </Field>
              <Field label={t('businessCase.editor.low')} required>
                {(props) => (
                  <input
                    {...props}
                    inputMode="decimal"
                    value={row.unit_cost_low}
                    onChange={(event) => update(index, (r) => ({ ...r, unit_cost_low: event.target.value }))}
                  />
                )}
              </Field>
              <Field label={t('businessCase.editor.high')} required>
                {(props) => (
                  <input
                    {...props}
                    inputMode="decimal"
                    value={row.unit_cost_high}
                    onChange={(event) => update(index, (r) => ({ ...r, unit_cost_high: event.target.value }))}
                  />
                )}
              </Field>
            </div>
            <Field label={t('businessCase.editor.source')} required>
              {(props) => (
                <textarea
                  {...props}
                  rows={2}
                  value={row.source}
                  onChange={(event) => update(index, (r) => ({ ...r, source: event.target.value }))}
                />
              )}
            </Field>
          </fieldset>
        </details>
      ))}
    </section>
  )
}

export function AssumptionsEditor({ draft, onChange }: { draft: Draft; onChange: Change }) {
  const { t } = useTranslation()
  const factors = new Map(draft.cost_factors.map((row) => [row.code, row]))
  type Assumption = Draft['assumptions'][number]
  const update = (target: Assumption, next: Assumption) =>
    onChange({ ...draft, assumptions: draft.assumptions.map((row) => (row === target ? next : row)) })
  return (
    <section className="card" aria-labelledby="bc-edit-assumptions">
      <h2 id="bc-edit-assumptions">{t('businessCase.editor.assumptionsTitle')}</h2>
      <p>{t('businessCase.editor.assumptionsIntro')}</p>
      <p className="muted">{t('businessCase.editor.rangeNote')}</p>
      {draft.family_types.map((type) => (
        <details key={type.code} className="bc-breakdown">
          <summary>{type.name_nl}</summary>
          {draft.assumptions
            .filter((row) => row.family_type === type.code)
            .map((row) => (
              <fieldset key={row.factor}>
                <legend>{factors.get(row.factor)?.name_nl ?? row.factor}</legend>
                <div className="bc-editor-grid">
                  <Field label={t('businessCase.editor.usual')} required>
                    {(props) => (
                      <input
                        {...props}
                        inputMode="decimal"
                        value={row.usual}
                        onChange={(event) =>
                          update(row, withValue(row, 'usual', 'usual_low', 'usual_high', event.target.value))
                        }
                      />
                    )}
                  </Field>
                  <Field label={t('businessCase.editor.withSupport')} required>
                    {(props) => (
                      <input
                        {...props}
                        inputMode="decimal"
                        value={row.with_support}
                        onChange={(event) =>
                          update(
                            row,
                            withValue(row, 'with_support', 'with_support_low', 'with_support_high', event.target.value),
                          )
                        }
                      />
                    )}
                  </Field>
                  <Field label={t('businessCase.editor.note')}>
                    {(props) => (
                      <input
                        {...props}
                        value={row.note}
                        onChange={(event) => update(row, { ...row, note: event.target.value })}
                      />
                    )}
                  </Field>
                </div>
              </fieldset>
            ))}
        </details>
      ))}
    </section>
  )
}
