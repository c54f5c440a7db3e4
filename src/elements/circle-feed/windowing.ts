// What a long feed fetches to window its list, as one module: the virtualizer and its layout
// together, so the layout is there when the list first draws rather than one request later.
export { virtualize, virtualizerRef } from '@lit-labs/virtualizer/virtualize.js';
export type { VirtualizerHostElement } from '@lit-labs/virtualizer/virtualize.js';
export { flow } from '@lit-labs/virtualizer/layouts/flow.js';
