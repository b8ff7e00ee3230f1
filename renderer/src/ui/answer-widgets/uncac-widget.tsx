import { useFormContext, useWatch } from 'react-hook-form';
import { ASSISTANCE_TYPES, STATUS_VALUES, type UncacField } from '../../../../core/checklist/vocabulary';
import { PackText } from './pack-text';
import { useAnswerContext } from './answer-context';
import { Choices, useYesNo } from './choice-widgets';
import type { WidgetProps } from './widget-props';

/**
 * The UNCAC-style block, the same for every `uncac` item: status, measures, examples, challenges,
 * then technical assistance — the typology appears once assistance is needed, and "from whom" once
 * some was received. Labels come from the pack in the interface language.
 */
export function UncacWidget({ name, inputId, response, readOnly }: WidgetProps<'uncac'>) {
  const { pack } = useAnswerContext();
  const { register, control } = useFormContext();
  const yesNo = useYesNo();
  const needed = useWatch({ control, name: `${name}.assistanceNeeded` }) as string | undefined;
  const received = useWatch({ control, name: `${name}.assistanceReceived` }) as string | undefined;
  const label = (field: UncacField) => <PackText text={pack.labels.uncac[field]} />;
  const id = (field: UncacField) => `${inputId}-${field}`;

  const textarea = (field: 'measures' | 'examples' | 'challenges' | 'assistanceDetails') => (
    <div className="field">
      <label className="field__label" htmlFor={id(field)}>
        {label(field)}
      </label>
      <textarea id={id(field)} className="input textarea" rows={3} lang={response.lang} dir={response.dir} readOnly={readOnly} {...register(`${name}.${field}`)} />
    </div>
  );

  return (
    <div className="uncac">
      <fieldset className="fieldset fieldset--plain">
        <legend className="field__label">{label('status')}</legend>
        <Choices
          name={`${name}.status`}
          inputId={inputId}
          readOnly={readOnly}
          choices={STATUS_VALUES.map((s) => ({ value: s, label: <PackText text={pack.labels.status[s]} /> }))}
        />
      </fieldset>
      {textarea('measures')}
      {textarea('examples')}
      {textarea('challenges')}
      <fieldset className="fieldset fieldset--plain">
        <legend className="field__label">{label('assistanceNeeded')}</legend>
        <Choices name={`${name}.assistanceNeeded`} inputId={id('assistanceNeeded')} readOnly={readOnly} choices={yesNo} />
      </fieldset>
      {needed === 'yes' && (
        <div className="uncac__reveal">
          <fieldset className="fieldset fieldset--plain">
            <legend className="field__label">{label('assistanceTypes')}</legend>
            <Choices
              name={`${name}.assistanceTypes`}
              inputId={id('assistanceTypes')}
              multiple
              readOnly={readOnly}
              choices={ASSISTANCE_TYPES.map((a) => ({ value: a, label: <PackText text={pack.labels.assistanceTypes[a]} /> }))}
            />
          </fieldset>
          <div className="field">
            <label className="field__label" htmlFor={id('assistanceOther')}>
              {label('assistanceOther')}
            </label>
            <input id={id('assistanceOther')} className="input" lang={response.lang} dir={response.dir} readOnly={readOnly} {...register(`${name}.assistanceOther`)} />
          </div>
          {textarea('assistanceDetails')}
        </div>
      )}
      <fieldset className="fieldset fieldset--plain">
        <legend className="field__label">{label('assistanceReceived')}</legend>
        <Choices name={`${name}.assistanceReceived`} inputId={id('assistanceReceived')} readOnly={readOnly} choices={yesNo} />
      </fieldset>
      {received === 'yes' && (
        <div className="field uncac__reveal">
          <label className="field__label" htmlFor={id('assistanceReceivedFrom')}>
            {label('assistanceReceivedFrom')}
          </label>
          <input id={id('assistanceReceivedFrom')} className="input" lang={response.lang} dir={response.dir} readOnly={readOnly} {...register(`${name}.assistanceReceivedFrom`)} />
        </div>
      )}
    </div>
  );
}
