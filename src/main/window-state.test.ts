import { describe, expect, it } from 'vitest'
import { fitToDisplays } from './window-state'

const laptop = { x: 0, y: 0, width: 1440, height: 870 }
const external = { x: 1440, y: -200, width: 2560, height: 1400 }

describe('fitToDisplays', () => {
  it('keeps a position a display still shows', () => {
    expect(fitToDisplays({ x: 1600, y: 0, width: 1400, height: 900, maximized: false }, [laptop, external])).toEqual({ x: 1600, y: 0, width: 1400, height: 900, maximized: false })
  })

  it('drops a position on a display that is gone, so the window opens centred, and cuts the size to the largest display', () => {
    expect(fitToDisplays({ x: 1600, y: 0, width: 2400, height: 1300, maximized: false }, [laptop])).toEqual({ width: 1440, height: 870, maximized: false })
  })

  it('drops a position whose title bar is above every display, or of which only a sliver shows', () => {
    expect(fitToDisplays({ x: 100, y: -400, width: 1000, height: 700, maximized: false }, [laptop])).toEqual({ width: 1000, height: 700, maximized: false })
    expect(fitToDisplays({ x: 1400, y: 100, width: 1000, height: 700, maximized: false }, [laptop])).toEqual({ width: 1000, height: 700, maximized: false })
  })

  it('never goes below the window’s minimum size, even on a small display', () => {
    expect(fitToDisplays({ width: 1280, height: 820, maximized: true }, [{ x: 0, y: 0, width: 800, height: 500 }])).toEqual({ width: 900, height: 600, maximized: true })
  })
})
