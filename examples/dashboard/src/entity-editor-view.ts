import type { DashboardContext } from './dashboard-context';
import { refusedInputField } from './error-words';
import { DashboardEntityDocument, DashboardUpdateCountsDocument, type DashboardEntityCountsFragment, type UpdateOffice365ActivationCountsInput } from './generated/graphql';
import { PLATFORMS } from './platforms';

export interface EntityEditorElements {
  section: HTMLElement;
  title: HTMLElement;
  fields: HTMLElement;
  save: HTMLButtonElement;
  message: HTMLElement;
}

/** Opens one entity and saves its counts with updateOffice365ActivationCounts, showing refusals next to the field. */
export function createEntityEditorView(ui: EntityEditorElements, context: DashboardContext, saved: () => Promise<void>) {
  let entity: DashboardEntityCountsFragment | undefined;
  const inputs = new Map(
    PLATFORMS.map((platform) => {
      const input = document.createElement('input');
      input.name = platform.field;
      input.inputMode = 'numeric';
      input.autocomplete = 'off';
      const label = document.createElement('label');
      label.append(platform.label, input);
      ui.fields.append(label);
      return [platform.field, input] as const;
    }),
  );

  function say(text: string, failed = false): void {
    ui.message.textContent = text;
    ui.message.classList.toggle('failed', failed);
  }

  function show(next: DashboardEntityCountsFragment): void {
    entity = next;
    ui.section.hidden = false;
    ui.title.textContent = `${next.productType ?? '(no product type)'} (${next.id}), refreshed ${next.reportRefreshDate ?? 'on an unknown date'}`;
    for (const [field, input] of inputs) {
      input.value = next[field] ?? '';
      input.removeAttribute('aria-invalid');
    }
  }

  async function open(id: string): Promise<void> {
    say('');
    // "loading" until the answer is shown: edits typed before it would be overwritten by it.
    ui.section.dataset.state = 'loading';
    const result = await context.client().query(DashboardEntityDocument, { id }).toPromise();
    if (result.error) say(context.explain(result.error), true);
    else if (!result.data?.office365ActivationCounts) say(`No entity "${id}" exists upstream (any more).`, true);
    else show(result.data.office365ActivationCounts);
    ui.section.dataset.state = 'ready';
  }

  /** Only the fields the person changed; an emptied field clears the count. Values stay strings: Int64 travels exactly. */
  function changes(current: DashboardEntityCountsFragment): UpdateOffice365ActivationCountsInput {
    const input: UpdateOffice365ActivationCountsInput = {};
    for (const [field, element] of inputs) {
      const value = element.value.trim();
      if (value !== (current[field] ?? '')) input[field] = value === '' ? null : value;
    }
    return input;
  }

  ui.save.addEventListener('click', async () => {
    if (!entity) return;
    const input = changes(entity);
    if (Object.keys(input).length === 0) {
      say('Nothing changed.');
      return;
    }
    say('Saving…');
    for (const element of inputs.values()) element.removeAttribute('aria-invalid');
    const result = await context.client().mutation(DashboardUpdateCountsDocument, { id: entity.id, input }).toPromise();
    if (result.error) {
      say(context.explain(result.error), true);
      for (const error of result.error.graphQLErrors) {
        const field = refusedInputField(error.message);
        if (field) inputs.get(field as never)?.setAttribute('aria-invalid', 'true');
      }
      return;
    }
    show(result.data!.updateOffice365ActivationCounts);
    say('Saved.');
    await saved();
  });

  return { open };
}
