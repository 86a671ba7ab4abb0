import { Descriptions } from 'antd'
import { Link } from 'react-router'
import { useT } from '../../../i18n/use-t.ts'

type TLocation = Record<string, unknown>

function text(value: unknown): string | null {
  if (typeof value === 'string' && value.trim()) return value
  if (typeof value === 'number') return String(value)
  return null
}

/**
 * 安放地点 of an instrument: laboratory, address, room and coordinates, and the owner unit (a link to its
 * page). Coordinates are read as `lat`/`lng` (the editor's fields) or `latitude`/`longitude` (older records).
 * @param location `attributes.location` as received
 * @param owner the owning organisation
 * @returns the description list
 */
export function InstrumentLocation({ location, owner }: { location: TLocation; owner: { id: string; name: string } }) {
  const t = useT()
  const lat = text(location.lat ?? location.latitude)
  const lng = text(location.lng ?? location.longitude)
  const lines = [
    { key: 'owner', label: t('resource.owner'), value: <Link to={`/orgs/${owner.id}`}>{owner.name}</Link> },
    { key: 'lab', label: t('field.instrument.location.lab'), value: text(location.lab) },
    { key: 'address', label: t('field.instrument.location.address'), value: text(location.address) },
    { key: 'room', label: t('field.instrument.location.room'), value: text(location.room) },
    { key: 'coordinates', label: t('cat.detail.coordinates'), value: lat && lng ? `${lat}, ${lng}` : null },
  ].filter((line) => line.value !== null)
  return (
    <Descriptions
      className="kx-wrap-anywhere"
      size="small"
      column={1}
      data-testid="instrument-location"
      items={lines.map((line) => ({ key: line.key, label: line.label, children: line.value }))}
    />
  )
}
