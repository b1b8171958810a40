// The window's commands, by id: the keyboard shortcuts, the app menu (src/main/menu.ts) and the
// shortcut list all read this one table, so a command has one name and one key everywhere. The
// window runs a command by dispatching `aa:command` (see renderer app/commands.ts); a menu click
// arrives as the `menu.command` push event and is dispatched the same way.
import { z } from 'zod'

export const COMMAND_IDS = ['new-case', 'search', 'next-case', 'previous-case', 'add-event', 'shortcuts'] as const
export const CommandIdSchema = z.enum(COMMAND_IDS)
export type CommandId = z.infer<typeof CommandIdSchema>

export type CommandSpec = {
  id: CommandId
  /** As the menu and the shortcut list show it. */
  label: string
  /** The key, as KeyboardEvent.key reports it (no modifier: it works whenever the focus is not in a field). */
  key: string
  /** How the key is written on screen and in the menu. */
  shown: string
  /** Where it appears in the app menu. */
  menu: 'File' | 'Go' | 'Case' | 'Help'
}

export const COMMANDS: ReadonlyArray<CommandSpec> = [
  { id: 'new-case', label: 'New case…', key: 'n', shown: 'N', menu: 'File' },
  { id: 'search', label: 'Search cases', key: '/', shown: '/', menu: 'Go' },
  { id: 'next-case', label: 'Next case', key: 'j', shown: 'J', menu: 'Go' },
  { id: 'previous-case', label: 'Previous case', key: 'k', shown: 'K', menu: 'Go' },
  { id: 'add-event', label: 'Add an event to this case', key: 'e', shown: 'E', menu: 'Case' },
  { id: 'shortcuts', label: 'Keyboard shortcuts', key: '?', shown: '?', menu: 'Help' }
]

/** The event name every command is dispatched on in the window: `new CustomEvent(COMMAND_EVENT, { detail: { command } })`. */
export const COMMAND_EVENT = 'aa:command'
