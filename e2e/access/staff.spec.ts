import { accessMatrix } from "./matrix";

accessMatrix("staff");
