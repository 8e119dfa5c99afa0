package id.lapak.customers;

import com.vaadin.flow.component.Component;
import id.lapak.catalog.customers.CustomerService;
import java.util.UUID;

/** Lets tests in other packages build the package-private customer pages. */
public class CustomersTestAccess {

    public Component list(CustomerService customers) {
        return new CustomersView(customers);
    }

    public Component page(CustomerService customers, UUID id) {
        CustomerView view = new CustomerView(customers);
        view.setParameter(null, id.toString());
        return view;
    }
}
