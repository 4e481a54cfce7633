import { ENTITY_PROPERTIES } from '../../src/activation-counts/activation-counts.properties';
import { ALL_PROPERTIES, holdsAll, ID_PROPERTY, propertiesIn, propertyMask } from '../../src/activation-counts/property-mask';

describe('property masks, the loader\'s record of what each entity was fetched with', () => {
  it.each([
    [[], []], // nothing selected
    [['id'], ['id']], // the key alone
    [['windows', 'id'], ['id', 'windows']], // any order in, CSDL order out
    [['mac', 'mac'], ['mac']], // a repeat counts once
    [[...ENTITY_PROPERTIES], [...ENTITY_PROPERTIES]], // everything
  ] as const)('turns %j into a mask and back into %j', (properties, listed) => {
    expect(propertiesIn(propertyMask(properties))).toEqual(listed);
  });

  it('has one bit per property, the key\'s among them', () => {
    expect(propertyMask(ENTITY_PROPERTIES)).toBe(ALL_PROPERTIES);
    expect(propertyMask(['id'])).toBe(ID_PROPERTY);
    expect(new Set(ENTITY_PROPERTIES.map((p) => propertyMask([p]))).size).toBe(ENTITY_PROPERTIES.length);
  });

  it('says whether what was fetched holds everything a new load wants', () => {
    const fetched = propertyMask(['id', 'windows', 'mac']);
    expect(holdsAll(fetched, propertyMask(['windows']))).toBe(true);
    expect(holdsAll(fetched, fetched)).toBe(true);
    expect(holdsAll(fetched, propertyMask(['ios']))).toBe(false); // one property missing is enough to refetch
    expect(holdsAll(fetched | propertyMask(['ios']), propertyMask(['ios', 'mac']))).toBe(true); // widened
  });

  it('answers the same list for the same mask, so a round builds none', () => {
    const mask = propertyMask(['id', 'ios']);
    expect(propertiesIn(mask)).toBe(propertiesIn(mask));
  });

  it('refuses a name that is no property, naming it and the expected ones', () => {
    expect(() => propertyMask(['Windows' as never])).toThrow('"Windows" is not a property of the entity; expected one of id, reportRefreshDate');
  });

  it.each([-1, 1.5, ALL_PROPERTIES + 1])('refuses %p as a mask', (mask) => {
    expect(() => propertiesIn(mask)).toThrow(`${mask} is not a property mask; expected an integer from 0 to ${ALL_PROPERTIES}`);
  });
});
