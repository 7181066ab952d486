/**
 * After a submit that failed validation, moves focus to the first invalid field so that keyboard
 * and screen-reader users land on the problem (its message is tied to it by aria-describedby).
 */
export function focusFirstError(): void {
  requestAnimationFrame(() => {
    const invalid = document.querySelector<HTMLElement>("main [aria-invalid='true']");
    invalid?.focus();
  });
}
