/** A closed <details> hides its content in print too: "Hoe is dit berekend?" is opened for printing and closed again after. */
export function openDetailsWhenPrinting(win: Window = window): void {
  win.addEventListener('beforeprint', () => {
    win.document.querySelectorAll<HTMLDetailsElement>('details:not([open])').forEach((d) => {
      d.open = true;
      d.dataset.printOpened = 'true';
    });
  });
  win.addEventListener('afterprint', () => {
    win.document.querySelectorAll<HTMLDetailsElement>('details[data-print-opened]').forEach((d) => {
      d.open = false;
      delete d.dataset.printOpened;
    });
  });
}
