// The catalog's programs in their groups (the `group` of each scenario in the `hello` message:
// "Tutorial", "Timeouts", …), in the catalog's order. A group's scenarios are next to each other on the
// wire; should one come apart, it is a group of its own again where it comes. Scenarios without a
// group (an older server) come as one group named null.
export function catalog_groups(catalog) {
  const groups = [];
  for (const scenario of catalog) {
    const name = scenario.group ?? null;
    const last = groups[groups.length - 1];
    if (last && last.name === name) last.scenarios.push(scenario);
    else groups.push({ name, scenarios: [scenario] });
  }
  return groups;
}
