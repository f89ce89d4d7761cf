import { Box, Table } from '@mantine/core';

const DAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const hourLabel = (h: number) => `${h % 12 || 12}${h < 12 ? 'a' : 'p'}`;

/** Calls by weekday and hour started (company time), as a table whose cells darken with the count. */
export function HeatMap({ heatmap }: { heatmap: number[][] }) {
  const max = Math.max(1, ...heatmap.flat());
  return (
    // Scrolls sideways on a phone: a focusable region, so the keyboard scrolls it too.
    <Box style={{ overflowX: 'auto' }} tabIndex={0} role="region" aria-label="Calls by weekday and hour, scrollable">
      <Table miw={720} withTableBorder fz="xs" verticalSpacing={2} horizontalSpacing={2} aria-label="Calls by weekday and hour">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Day</Table.Th>
            {heatmap[0]!.map((_, h) => <Table.Th key={h} scope="col" ta="center">{hourLabel(h)}</Table.Th>)}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {heatmap.map((row, d) => (
            <Table.Tr key={DAYS[d]}>
              <Table.Th scope="row">{DAYS[d]}</Table.Th>
              {row.map((n, h) => {
                const level = n / max;
                return (
                  <Table.Td key={h} ta="center" style={{ background: n ? `rgba(25, 113, 194, ${0.12 + 0.88 * level})` : undefined, color: level > 0.5 ? '#fff' : undefined }}>
                    {n || ''}
                  </Table.Td>
                );
              })}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Box>
  );
}
