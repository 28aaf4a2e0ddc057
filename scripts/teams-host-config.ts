// A Teams-like Adaptive Cards host configuration (light theme) for rendering card screenshots outside
// Teams: Segoe UI type ramp, Teams' text colors, 8 px spacing grid, horizontal action buttons.
// Values approximate what the Teams web client shows; they are not Microsoft's file.

export const TEAMS_HOST_CONFIG = {
  supportsInteractivity: true,
  fontFamily: '"Segoe UI", "Segoe UI Web (West European)", system-ui, -apple-system, "Helvetica Neue", sans-serif',
  fontTypes: {
    default: {
      fontFamily: '"Segoe UI", system-ui, -apple-system, "Helvetica Neue", sans-serif',
      fontSizes: { small: 12, default: 14, medium: 14, large: 18, extraLarge: 24 },
      fontWeights: { lighter: 300, default: 400, bolder: 600 },
    },
    monospace: {
      fontFamily: 'Consolas, Menlo, "DejaVu Sans Mono", "Liberation Mono", monospace',
      fontSizes: { small: 12, default: 13, medium: 14, large: 18, extraLarge: 24 },
      fontWeights: { lighter: 300, default: 400, bolder: 600 },
    },
  },
  spacing: { small: 4, default: 8, medium: 16, large: 20, extraLarge: 24, padding: 16 },
  separator: { lineThickness: 1, lineColor: '#E0E0E0' },
  imageSizes: { small: 32, medium: 52, large: 100 },
  containerStyles: {
    default: {
      backgroundColor: '#FFFFFF',
      foregroundColors: {
        default: { default: '#242424', subtle: '#616161' },
        dark: { default: '#242424', subtle: '#424242' },
        light: { default: '#FFFFFF', subtle: '#F5F5F5' },
        accent: { default: '#5B5FC7', subtle: '#7F85F5' },
        good: { default: '#237B4B', subtle: '#3C8C5F' },
        warning: { default: '#835C00', subtle: '#A07810' },
        attention: { default: '#C4314B', subtle: '#D0536A' },
      },
    },
    emphasis: {
      backgroundColor: '#F5F5F5',
      foregroundColors: {
        default: { default: '#242424', subtle: '#616161' },
        dark: { default: '#242424', subtle: '#424242' },
        light: { default: '#FFFFFF', subtle: '#F5F5F5' },
        accent: { default: '#5B5FC7', subtle: '#7F85F5' },
        good: { default: '#237B4B', subtle: '#3C8C5F' },
        warning: { default: '#835C00', subtle: '#A07810' },
        attention: { default: '#C4314B', subtle: '#D0536A' },
      },
    },
  },
  actions: {
    maxActions: 6,
    spacing: 'default',
    buttonSpacing: 8,
    showCard: { actionMode: 'inline', inlineTopMargin: 16 },
    actionsOrientation: 'horizontal',
    actionAlignment: 'left',
    iconPlacement: 'leftOfTitle',
    iconSize: 16,
  },
  adaptiveCard: { allowCustomStyle: false },
  factSet: {
    title: { color: 'default', size: 'default', isSubtle: false, weight: 'bolder', wrap: true, maxWidth: 150 },
    value: { color: 'default', size: 'default', isSubtle: false, weight: 'default', wrap: true },
    spacing: 12,
  },
  inputs: {
    label: { requiredInputs: { suffix: ' *' }, optionalInputs: {} },
    errorMessage: { size: 'small', weight: 'default' },
  },
} as const;

/** Teams' chat column gives a card about this much width on a desktop client. */
export const TEAMS_CARD_WIDTH = 520;
