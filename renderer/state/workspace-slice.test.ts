import { beforeEach, describe, expect, it } from 'vitest';
import { SAMPLE_WORKSPACE } from '../../shared/sample/sample-workspace.ts';
import { validateModel } from '../../shared/model/validate.ts';
import { resetAppStore, useAppStore } from './store.ts';
import { UNDO_LIMIT } from './workspace-slice.ts';

const sample = (() => {
  const checked = validateModel(SAMPLE_WORKSPACE);
  if (!checked.ok) throw new Error('the sample workspace does not validate');
  return checked.value;
})();
const store = () => useAppStore.getState();
const rename = (name: string) => store().edit((m) => ({ ...m, name }));
const name = () => store().document?.name;

describe('the workspace slice: undo and redo', () => {
  beforeEach(() => {
    resetAppStore();
    store().showWorkspace('w1', sample, 3);
  });

  it('undoes and redoes edits in order, each marking the workspace unsaved', () => {
    rename('one');
    rename('two');
    store().saved(4, store().document ?? sample);
    expect(store().saveState).toBe('saved');
    store().undo();
    expect([name(), store().saveState]).toEqual(['one', 'unsaved']);
    store().undo();
    expect(name()).toBe(sample.name);
    store().undo(); // nothing left to undo
    expect(store().document).toBe(sample);
    store().redo();
    store().redo();
    expect(name()).toBe('two');
    store().redo(); // nothing left to redo
    expect(name()).toBe('two');
  });

  it('forgets what could be redone once a new edit is made, and ignores an edit that changes nothing', () => {
    rename('one');
    store().undo();
    rename('other');
    store().redo();
    expect(name()).toBe('other');
    const before = store().past.length;
    store().edit((m) => m);
    expect(store().past).toHaveLength(before);
  });

  it(`keeps the last ${UNDO_LIMIT} steps`, () => {
    for (let i = 1; i <= UNDO_LIMIT + 5; i++) rename(`edit ${i}`);
    expect(store().past).toHaveLength(UNDO_LIMIT);
    while (store().past.length > 0) store().undo();
    expect(name()).toBe('edit 5');
  });

  it('starts an opened workspace without undo history, unsaved only when it carries edits not yet on disk', () => {
    rename('one');
    store().showWorkspace('w2', sample, 7, true);
    expect([store().past, store().future, store().saveState, store().revision]).toEqual([[], [], 'unsaved', 7]);
  });

  it('stays unsaved when an edit came in while the previous version was being saved', () => {
    rename('one');
    const beingSaved = store().document ?? sample;
    rename('two');
    store().saved(4, beingSaved);
    expect([store().revision, store().saveState]).toEqual([4, 'unsaved']);
  });

  it('dismisses a notice that offers to undo a step once that step is undone another way, not before', () => {
    rename('deleted');
    const afterDelete = store().document ?? sample;
    store().addNotice('info', 'Deleted 2 deals.', { label: 'Undo', run: () => store().undo(), undoes: afterDelete });
    store().addNotice('warning', 'Something else.');
    rename('later edit');
    store().undo(); // the later edit: the delete still stands
    expect(store().notices.map((n) => n.text)).toEqual(['Deleted 2 deals.', 'Something else.']);
    store().undo(); // the delete itself
    expect(store().notices.map((n) => n.text)).toEqual(['Something else.']);
    store().redo();
    expect(store().notices.map((n) => n.text)).toEqual(['Something else.']);
  });

  it('dismisses such a notice when another workspace opens', () => {
    rename('deleted');
    store().addNotice('info', 'Deleted 2 deals.', { label: 'Undo', run: () => store().undo(), undoes: store().document ?? sample });
    store().showWorkspace('w2', sample, 1);
    expect(store().notices).toEqual([]);
  });
});
