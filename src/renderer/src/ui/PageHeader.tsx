import type { ReactNode } from 'react'

/** The title row of a screen with its main actions on the right. */
export function PageHeader({ title, children, subtitle }: { title: ReactNode; subtitle?: ReactNode; children?: ReactNode }) {
  return (
    <div className="page-header">
      <div>
        <h2 className="page-header__title">{title}</h2>
        {subtitle && <div className="page-header__subtitle">{subtitle}</div>}
      </div>
      {children && <div className="page-header__actions">{children}</div>}
    </div>
  )
}
