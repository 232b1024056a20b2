import { SelectFilter } from '../../components/FilterForm'
import { useRegions } from './queries'

/** The organisation's regions as a filter, with "all" first. */
export function RegionFilter(props: {
  label: string
  all: string
  value: string | null | undefined
  onChange: (value: string) => void
}) {
  const regions = useRegions()
  const options = (regions.data?.items ?? []).map((region) => ({ value: region.id, label: region.name }))
  return (
    <SelectFilter
      label={props.label}
      value={props.value ?? ''}
      options={[{ value: '', label: props.all }, ...options]}
      onChange={props.onChange}
    />
  )
}
