/**
 * Competitors' catalogues (issue 16): the saved courses of each competitor side by side, keyed by the
 * instructor a listing names (else the platform or school), the user's own courses left out.
 */

export interface CatalogueCourse {
  url: string;
  title: string;
  provider: string;
  instructor?: string;
  status: string;
  mine?: boolean;
}

export interface Catalogue<C extends CatalogueCourse> {
  competitor: string;
  courses: C[];
}

export function coursesByCompetitor<C extends CatalogueCourse>(courses: readonly C[]): Array<Catalogue<C>> {
  const groups = new Map<string, C[]>();
  for (const c of courses) {
    if (c.mine || c.status !== 'saved') continue;
    const competitor = c.instructor?.trim() || c.provider.trim();
    if (!competitor) continue;
    const group = groups.get(competitor);
    if (group) group.push(c);
    else groups.set(competitor, [c]);
  }
  return [...groups]
    .map(([competitor, list]) => ({
      competitor,
      courses: list.sort((a, b) => a.title.localeCompare(b.title)),
    }))
    .sort((a, b) => b.courses.length - a.courses.length || a.competitor.localeCompare(b.competitor));
}
