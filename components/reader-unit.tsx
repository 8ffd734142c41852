'use client';

import { createContext, useContext, type ReactNode } from 'react';
import { defaultReaderUnit, type ReaderUnit } from '@/lib/domain/format';

const ReaderUnitContext = createContext<ReaderUnit>(defaultReaderUnit);

/** The signed-in reader's unit for amounts, for the browser code below the header. */
export function ReaderUnitProvider({ unit, children }: { unit: ReaderUnit; children: ReactNode }) {
  return <ReaderUnitContext.Provider value={unit}>{children}</ReaderUnitContext.Provider>;
}

export function useReaderUnit(): ReaderUnit {
  return useContext(ReaderUnitContext);
}
