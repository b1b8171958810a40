import { createContext, useContext } from 'react'

/** Which data the window shows, and the switch between the user's own data and the sample caseload. */
export type DataFolder = {
  sample: boolean
  dataDir: string
  switchTo: (which: 'sample' | 'own') => Promise<void>
}

export const DataFolderContext = createContext<DataFolder>({
  sample: false,
  dataDir: '',
  switchTo: async () => {}
})

export const useDataFolder = (): DataFolder => useContext(DataFolderContext)
