import type { DashboardContext } from './dashboard-context';
import { DashboardEntitiesPageDocument } from './generated/graphql';

export interface EntityListElements {
  list: HTMLUListElement;
  firstPage: HTMLButtonElement;
  nextPage: HTMLButtonElement;
  position: HTMLElement;
  error: HTMLElement;
}

/** The entity list, one Relay page at a time: "Next page" passes the page's endCursor as `after`. */
export function createEntityListView(ui: EntityListElements, context: DashboardContext, pageSize: number, open: (id: string) => void) {
  let endCursor: string | null = null;
  let pageNumber = 1;

  async function show(after: string | null, number: number): Promise<void> {
    const result = await context.client().query(DashboardEntitiesPageDocument, { first: pageSize, after }).toPromise();
    ui.error.textContent = result.error ? context.explain(result.error) : '';
    const connection = result.data?.office365ActivationCountsList;
    if (!connection) return;
    pageNumber = number;
    endCursor = connection.pageInfo.endCursor ?? null;
    ui.list.replaceChildren(
      ...connection.edges.map(({ node }) => {
        const button = document.createElement('button');
        button.type = 'button';
        button.dataset.entityId = node.id;
        button.textContent = `${node.productType ?? '(no product type)'} · ${node.id}`;
        button.addEventListener('click', () => open(node.id));
        const item = document.createElement('li');
        item.append(button);
        return item;
      }),
    );
    ui.position.textContent = `Page ${pageNumber}`;
    ui.nextPage.disabled = !connection.pageInfo.hasNextPage;
    ui.firstPage.disabled = pageNumber === 1;
  }

  ui.nextPage.addEventListener('click', () => void show(endCursor, pageNumber + 1));
  ui.firstPage.addEventListener('click', () => void show(null, 1));
  return { loadFirstPage: () => show(null, 1) };
}
