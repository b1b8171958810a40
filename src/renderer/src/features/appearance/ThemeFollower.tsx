import { useThemeSetting } from './theme'

/** Applies the stored theme once the data folder is open (settings live there); renders nothing. */
export function ThemeFollower() {
  useThemeSetting()
  return null
}
