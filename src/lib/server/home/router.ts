import { router } from '../trpc/init';
import { tenantProcedure } from '../trpc/procedures';
import { homeOverview } from './service';

export const homeRouter = router({
	/** Everyone's home; what it holds depends on what the person may see (service.ts). */
	overview: tenantProcedure.query(({ ctx }) => homeOverview(ctx))
});
