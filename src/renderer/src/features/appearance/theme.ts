// Light or dark: the setting (system, light, dark) resolved against the system's choice and written
// to <html data-theme>, which base.css turns into colours. The last choice is kept in localStorage
// as well, so the window does not flash light before the settings arrive.
import { useEffect } from 'react'
import type { Theme } from '#core/schemas'
import { useChannel } from '../../api/queries'

const KEY = 'aa.theme'
const DARK = '(prefers-color-scheme: dark)'

const isTheme = (v: unknown): v is Theme => v === 'system' || v === 'light' || v === 'dark'

export function resolvedTheme(theme: Theme): 'light' | 'dark' {
  if (theme !== 'system') return theme
  return window.matchMedia(DARK).matches ? 'dark' : 'light'
}

export function applyTheme(theme: Theme): void {
  const effective = resolvedTheme(theme)
  document.documentElement.dataset['theme'] = effective
  document.documentElement.dataset['themeSetting'] = theme
  try {
    window.localStorage.setItem(KEY, theme)
  } catch {
    // Storage refused (a private profile): the setting still applies, it only is not cached.
  }
}

/** Before anything renders: the cached choice, else the system's. */
export function applyCachedTheme(): void {
  let cached: unknown = null
  try {
    cached = window.localStorage.getItem(KEY)
  } catch {
    cached = null
  }
  applyTheme(isTheme(cached) ? cached : 'system')
}

/** Follows the stored setting, and the system while the setting is "system". Mounted once the data is open. */
export function useThemeSetting(): void {
  const settings = useChannel('settings.get', {})
  const theme: Theme = settings.data?.theme ?? 'system'
  useEffect(() => {
    if (settings.data === undefined) return
    applyTheme(theme)
    if (theme !== 'system') return
    const media = window.matchMedia(DARK)
    const follow = () => applyTheme('system')
    media.addEventListener('change', follow)
    return () => media.removeEventListener('change', follow)
  }, [theme, settings.data])
}
