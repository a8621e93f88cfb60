// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { coursesByCompetitor } from '../../../components/competitor-courses';
import { readCoursePage } from '../../../lib/sites/course';
import { quietDocument } from '../sites/course/helpers';

describe('courses by competitor', () => {
  it('groups a saved Udemy search listing by instructor, the largest catalogue first', () => {
    const read = readCoursePage(
      quietDocument('courses/soodaayush__udemy-price-tracker/index.html'),
      'https://www.udemy.com/courses/search/?q=python',
    );
    if (read.kind !== 'list') throw new Error(`a listing, not ${read.kind}`);
    const saved = read.courses.map((c) => ({ ...c, status: 'saved' }));
    const catalogues = coursesByCompetitor(saved);
    // Counted from the cards' visible-instructors spans: Jose Portilla 3, two instructors with 2 each.
    expect(catalogues.slice(0, 3).map((c) => [c.competitor, c.courses.length])).toEqual([
      ['Jose Portilla', 3],
      ['Dr. Fred Baptiste', 2],
      ['Jose Salvatierra, Teclado by Jose Salvatierra', 2],
    ]);
    expect(catalogues.reduce((n, c) => n + c.courses.length, 0)).toBe(31);
    expect(catalogues[0]?.courses.map((c) => c.price)).toEqual(
      catalogues[0]?.courses.map((c) => read.courses.find((r) => r.url === c.url)?.price),
    );
  });

  it("leaves out the user's own courses, dismissed ones and mere sightings; no instructor → the provider", () => {
    const course = (url: string, extra: object) => ({
      url,
      title: url,
      provider: 'Gumroad',
      status: 'saved',
      ...extra,
    });
    const catalogues = coursesByCompetitor([
      course('a', { mine: true, instructor: 'Me' }),
      course('b', { status: 'dismissed', instructor: 'X' }),
      course('c', { status: 'sighting', instructor: 'X' }),
      course('d', {}),
      course('e', { instructor: '  ' }),
    ]);
    expect(catalogues).toEqual([
      {
        competitor: 'Gumroad',
        courses: [expect.objectContaining({ url: 'd' }), expect.objectContaining({ url: 'e' })],
      },
    ]);
  });
});
