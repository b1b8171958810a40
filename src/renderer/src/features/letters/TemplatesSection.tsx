// Letter templates in Settings: the built-ins (read only) and your own copies. Duplicate any
// template, edit its text with a merge-field picker and a live preview on one of your cases, and
// save: each save is a new version, and every letter records the version it was made from.
import { useEffect, useRef, useState } from 'react'
import type { LetterTemplate } from '#core/letters'
import { call } from '../../api/client'
import { errorText } from '../../api/error-text'
import { useChannel } from '../../api/queries'
import { useRefresh } from './refresh'
import { ErrorMessage } from '../../ui/ErrorMessage'
import { SelectField, TextAreaField, TextField } from '../../ui/Field'
import { useDebounced } from '../../ui/use-debounced'
import './letters.css'

export function TemplatesSection() {
  const list = useChannel('letters.templates', {})
  const reload = useRefresh()
  const [editing, setEditing] = useState<LetterTemplate | null>(null)
  const [error, setError] = useState<string | null>(null)
  const duplicate = async (id: string) => {
    setError(null)
    try {
      setEditing(await call('letters.duplicateTemplate', { templateId: id }))
      reload()
    } catch (e) {
      setError(errorText(e))
    }
  }
  const edit = async (id: string) => {
    setError(null)
    try {
      setEditing(await call('letters.template', { templateId: id }))
    } catch (e) {
      setError(errorText(e))
    }
  }
  return (
    <section className="panel" aria-labelledby="templates-title" data-testid="templates-section">
      <h2 id="templates-title">Letter templates</h2>
      <p className="muted">Built-in templates cannot be changed: duplicate one and edit your copy. Legal statements come from the citation table ({'{{law.…}}'}), never typed.</p>
      <ErrorMessage message={error} />
      {list.data !== undefined && (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Template</th>
              <th scope="col">Id</th>
              <th scope="col">Version</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {list.data.map((t) => (
              <tr key={t.id}>
                <td>{t.title}</td>
                <td><code>{t.id}</code>{t.builtIn ? <span className="muted small"> built-in</span> : null}</td>
                <td>{t.version}</td>
                <td>
                  <button type="button" className="button button--small" onClick={() => void duplicate(t.id)} aria-label={`Duplicate ${t.title}`}>Duplicate</button>{' '}
                  {!t.builtIn && <button type="button" className="button button--small" onClick={() => void edit(t.id)} aria-label={`Edit ${t.title}`}>Edit</button>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {editing && <TemplateEditor key={`${editing.id}@${editing.version}`} template={editing} onSaved={(t) => { setEditing(t); reload() }} onClose={() => setEditing(null)} />}
    </section>
  )
}

function TemplateEditor({ template, onSaved, onClose }: { template: LetterTemplate; onSaved: (t: LetterTemplate) => void; onClose: () => void }) {
  const [draft, setDraft] = useState(template)
  const fields = useChannel('letters.fields', {})
  const cases = useChannel('cases.list', { limit: 200 })
  const [caseId, setCaseId] = useState('')
  const [pick, setPick] = useState('patient.fullName')
  const [preview, setPreview] = useState<{ html: string | null; message: string | null }>({ html: null, message: null })
  const [error, setError] = useState<string | null>(null)
  const body = useRef<HTMLTextAreaElement | null>(null)
  const debounced = useDebounced(JSON.stringify(draft), 400)
  const target = caseId || (cases.data?.find((c) => template.kinds.includes(c.requestKind))?.id ?? '')

  useEffect(() => {
    if (!target) return
    let live = true
    call('letters.prepare', { caseId: target, templateId: template.id, draft: JSON.parse(debounced) as LetterTemplate, values: {} }).then(
      (p) => live && setPreview({ html: p.html, message: p.refusal ?? (p.missing.length > 0 ? `This case lacks: ${p.missing.map((m) => m.label).join(', ')}` : null) }),
      (e: unknown) => live && setPreview({ html: null, message: errorText(e) })
    )
    return () => {
      live = false
    }
  }, [debounced, target, template.id])

  const set = <K extends keyof LetterTemplate>(k: K, v: LetterTemplate[K]) => setDraft((d) => ({ ...d, [k]: v }))
  const insert = () => {
    const el = body.current
    const token = `{{${pick}}}`
    const at = el?.selectionStart ?? draft.body.length
    set('body', draft.body.slice(0, at) + token + draft.body.slice(el?.selectionEnd ?? at))
  }
  const save = async () => {
    setError(null)
    try {
      onSaved(await call('letters.saveTemplate', { template: draft }))
    } catch (e) {
      setError(errorText(e))
    }
  }
  const lines = (s: string) => s.split('\n').filter((l) => l.trim() !== '')
  return (
    <div className="template-editor" data-testid="template-editor">
      <div>
        <h3>
          Editing <code>{draft.id}</code> (version {template.version}; saving makes a new version)
        </h3>
        <TextField label="Title" value={draft.title} onChange={(v) => set('title', v)} />
        <TextAreaField label="RE lines (one per line)" value={draft.re.join('\n')} onChange={(v) => set('re', lines(v))} rows={3} />
        <TextField label="Salutation" value={draft.salutation} onChange={(v) => set('salutation', v)} />
        <div className="form-row">
          <SelectField label="Merge field" value={pick} onChange={setPick} options={(fields.data ?? []).map((f) => ({ value: f.path, label: `${f.label} (${f.path})` }))} />
          <button type="button" className="button" onClick={insert}>Insert into the body</button>
        </div>
        <label className="field">
          <span className="field__label">Body (one paragraph per line; # and ## headings, - lists, [[chronology]], [[exhibits]], [[findings]], [[fee-items]], [[dates]])</span>
          <textarea ref={body} rows={16} value={draft.body} onChange={(e) => set('body', e.target.value)} aria-label="Body" />
        </label>
        <TextAreaField label="Enclosures (one per line)" value={draft.enclosures.join('\n')} onChange={(v) => set('enclosures', lines(v))} rows={2} />
        <ErrorMessage message={error} />
        <div className="actions">
          <button type="button" className="button button--primary" onClick={() => void save()}>Save as a new version</button>
          <button type="button" className="button" onClick={onClose}>Close</button>
        </div>
      </div>
      <div>
        <SelectField label="Preview on the case" value={target} onChange={setCaseId} options={(cases.data ?? []).filter((c) => template.kinds.includes(c.requestKind)).map((c) => ({ value: c.id, label: `${c.patientName} → ${c.organizationName}` }))} />
        {preview.message && <p className="muted" role="status">{preview.message}</p>}
        <section className="prepare__preview" aria-label="Template preview">
          {preview.html ? <div className="letter-preview" dangerouslySetInnerHTML={{ __html: preview.html }} /> : <p className="muted">No preview yet.</p>}
        </section>
      </div>
    </div>
  )
}
