import { Menu, type MenuItemConstructorOptions } from 'electron'
import { COMMANDS, type CommandId, type CommandSpec } from '#shared/commands'

/**
 * The app menu: the window's own commands (the same table as its shortcuts, shared/commands.ts),
 * standard editing and zoom keys, and no developer menu in a packaged app. A command's click is
 * handed to `run` (pushed to the window as `menu.command`). Its key is shown but not registered
 * with the system (registerAccelerator: false): the window handles the key itself, only while no
 * field has the focus, so typing "n" in a form never opens a new case.
 */
export function installMenu(isPackaged: boolean, run: (command: CommandId) => void): void {
  const item = (c: CommandSpec): MenuItemConstructorOptions => ({
    id: `command:${c.id}`,
    label: c.label,
    accelerator: c.shown === '?' ? 'Shift+/' : c.shown,
    registerAccelerator: false,
    click: () => run(c.id)
  })
  const of = (menu: CommandSpec['menu']) => COMMANDS.filter((c) => c.menu === menu).map(item)
  const isMac = process.platform === 'darwin'
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' } as MenuItemConstructorOptions] : []),
    { label: 'File', submenu: [...of('File'), { type: 'separator' }, isMac ? { role: 'close' } : { role: 'quit' }] },
    { role: 'editMenu' },
    {
      label: 'View',
      submenu: [
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
        ...(isPackaged ? [] : ([{ role: 'toggleDevTools' }] as MenuItemConstructorOptions[]))
      ]
    },
    { label: 'Go', submenu: of('Go') },
    { label: 'Case', submenu: of('Case') },
    { role: 'windowMenu' },
    { role: 'help', submenu: of('Help') }
  ]
  Menu.setApplicationMenu(Menu.buildFromTemplate(template))
}
